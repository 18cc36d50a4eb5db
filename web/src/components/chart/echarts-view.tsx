import { useEffect, useRef } from 'react';

import type { ChartOption } from './chart-option';
import { echarts } from './echarts-setup';

export interface EChartsViewProps {
  readonly option: ChartOption;
  readonly height: number;
}

/** One ECharts instance (SVG renderer: crisp on screen and in print), resized with its box. */
export default function EChartsView({ option, height }: EChartsViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
    ref.current?.setAttribute('data-drawn', 'true');
  }, [option]);

  return <div ref={ref} className="chart-canvas" style={{ height }} />;
}
