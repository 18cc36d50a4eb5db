import { AXIS_LABEL, TEXT_STYLE, type ChartOption } from '../../../components/chart/chart-option';
import { CLIENT_MARK, DECISION_COLOUR } from '../../../lib/palette';
import type { Score } from '../../../types/api';

/** The gauge's upper end: room for the threshold and the client, in steps of 10 points. */
export function gaugeMax(score: Pick<Score, 'probability' | 'threshold' | 'review'>): number {
  const top = Math.max(score.threshold * 2, (score.review?.high ?? 0) * 1.2, score.probability * 1.15, 0.2);
  return Math.min(1, Math.ceil(top * 10) / 10);
}

/** The bands of the dial: accepted below the review band, review inside it, refused above. */
export function gaugeBands(score: Pick<Score, 'threshold' | 'review'>, max: number): [number, string][] {
  const low = score.review?.low ?? score.threshold;
  const high = score.review?.high ?? score.threshold;
  const bands: [number, string][] = [[Math.min(1, low / max), DECISION_COLOUR.accepted]];
  if (high > low) bands.push([Math.min(1, high / max), DECISION_COLOUR.review]);
  bands.push([1, DECISION_COLOUR.refused]);
  return bands;
}

/** A dial of the probability of default, its decision bands, the threshold tick and the client's needle. */
export function gaugeOption(score: Score, formatPercent: (p: number) => string): ChartOption {
  const max = gaugeMax(score);
  return {
    textStyle: TEXT_STYLE,
    series: [
      {
        type: 'gauge',
        min: 0,
        max: max * 100,
        startAngle: 200,
        endAngle: -20,
        radius: '95%',
        center: ['50%', '62%'],
        splitNumber: Math.round(max * 10),
        axisLine: { lineStyle: { width: 18, color: gaugeBands(score, max) } },
        axisTick: { show: false },
        splitLine: { length: 10, lineStyle: { color: '#ffffff', width: 2 } },
        axisLabel: { ...AXIS_LABEL, distance: 24, formatter: (v: number) => `${Math.round(v)}` },
        pointer: { width: 6, itemStyle: { color: CLIENT_MARK } },
        anchor: { show: true, size: 14, itemStyle: { color: CLIENT_MARK } },
        title: { show: false },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '38%'],
          fontSize: 26,
          fontWeight: 'bold',
          color: '#1b1b1b',
          formatter: () => formatPercent(score.probability),
        },
        data: [{ value: score.probability * 100 }],
        markLine: undefined,
      },
      {
        // the threshold: a black tick across the dial
        type: 'gauge',
        min: 0,
        max: max * 100,
        startAngle: 200,
        endAngle: -20,
        radius: '95%',
        center: ['50%', '62%'],
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: {
          icon: 'rect',
          width: 3,
          length: '22%',
          offsetCenter: [0, '-78%'],
          itemStyle: { color: '#1b1b1b' },
        },
        detail: { show: false },
        title: { show: false },
        data: [{ value: score.threshold * 100 }],
      },
    ],
  };
}
