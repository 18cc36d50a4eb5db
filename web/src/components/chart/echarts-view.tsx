import { useEffect, useRef } from 'react';

import type { ChartOption } from './chart-option';
import { echarts } from './echarts-setup';

export interface EChartsViewProps {
  readonly option: ChartOption;
  readonly height: number;
}

/**
 * One ECharts instance (SVG renderer: crisp on screen and in print), resized with its box.
 * `data-drawn` is "false" while an option is being drawn and "true" once ECharts says it has
 * finished rendering it (its 'finished' event): the done signal of tests and bench/web.ts.
 */
export default function EChartsView({ option, height }: EChartsViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('finished', () => element.setAttribute('data-drawn', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    ref.current?.setAttribute('data-drawn', 'false');
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);

  return <div ref={ref} className="chart-canvas" style={{ height }} />;
}
