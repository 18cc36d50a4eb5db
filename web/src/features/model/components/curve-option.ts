import { AXIS_LABEL, TEXT_STYLE, Y_NAME, type ChartOption } from '../../../components/chart/chart-option';
import { CLIENT_MARK, SERIES } from '../../../lib/palette';

export interface CurveSeries {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  /** A dashed reference (the diagonal, the base rate). */
  readonly reference?: boolean;
}

export interface CurveOptions {
  readonly xName: string;
  readonly yName: string;
  readonly xMax?: number;
  readonly yMax?: number;
  /** A labelled vertical line (the chosen threshold). */
  readonly markX?: { readonly value: number; readonly label: string };
  readonly percentAxes?: boolean;
}

/** Lines on value axes; references dashed grey; line styles differ so colour is not the only cue. */
export function curveOption(series: readonly CurveSeries[], options: CurveOptions): ChartOption {
  const axis = (name: string, max: number | undefined) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: 30,
    min: 0,
    ...(max === undefined ? {} : { max }),
    nameTextStyle: AXIS_LABEL,
    axisLabel: {
      ...AXIS_LABEL,
      ...(options.percentAxes ? { formatter: (v: number) => `${Math.round(v * 100)} %` } : {}),
    },
    splitLine: { lineStyle: { color: '#e0e0e0' } },
  });
  let colour = 0;
  return {
    textStyle: TEXT_STYLE,
    legend: { top: 0, textStyle: AXIS_LABEL },
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: axis(options.xName, options.xMax),
    yAxis: { ...axis(options.yName, options.yMax), nameLocation: 'end', nameGap: 12, nameTextStyle: Y_NAME },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      showSymbol: false,
      data: s.points.map((p) => [...p]),
      lineStyle: s.reference
        ? { color: '#767676', type: 'dashed', width: 1.5 }
        : { color: SERIES[colour++ % SERIES.length], width: 2.5, type: ['solid', 'dotted', 'dashed'][i % 3] },
      itemStyle: { color: s.reference ? '#767676' : SERIES[(colour - 1 + SERIES.length) % SERIES.length] },
      ...(i === 0 && options.markX
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: CLIENT_MARK, width: 2 },
              label: { formatter: options.markX.label, color: '#1b1b1b', position: 'insideStartTop' },
              data: [{ xAxis: options.markX.value }],
            },
          }
        : {}),
    })),
  };
}

/** At most `n` evenly spaced points of a curve, for its data table. */
export function thin<T>(points: readonly T[], n = 11): T[] {
  if (points.length <= n) return [...points];
  return Array.from({ length: n }, (_, i) => points[Math.round((i * (points.length - 1)) / (n - 1))]!);
}
