import { AXIS_LABEL, TEXT_STYLE, Y_NAME, type ChartOption } from '../../../components/chart/chart-option';
import { SERIES } from '../../../lib/palette';

const DASHES = ['solid', 'dashed', 'dotted'] as const;
const SYMBOLS = ['circle', 'triangle', 'rect'] as const;

/** Step lines, one per series, told apart by colour, dash and marker. */
export function curveLines(
  series: readonly { name: string; points: readonly (readonly [number, number])[] }[],
  xName: string,
  yName: string,
): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    legend: { top: 0, textStyle: AXIS_LABEL },
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      name: xName,
      nameLocation: 'middle',
      nameGap: 26,
      minInterval: 1,
      nameTextStyle: AXIS_LABEL,
      axisLabel: AXIS_LABEL,
    },
    yAxis: { type: 'value', name: yName, scale: true, nameTextStyle: Y_NAME, axisLabel: AXIS_LABEL },
    series: series.map((s, i) => ({
      type: 'line',
      step: 'end',
      name: s.name,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 7,
      data: s.points.map((p) => [...p]),
      lineStyle: { color: SERIES[i % SERIES.length], type: DASHES[i % DASHES.length], width: 2.5 },
      itemStyle: { color: SERIES[i % SERIES.length] },
    })),
  };
}
