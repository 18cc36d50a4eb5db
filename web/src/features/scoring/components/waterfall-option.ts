import { AXIS_LABEL, TEXT_STYLE, type ChartOption } from '../../../components/chart/chart-option';
import { LOWERS, RAISES } from '../../../lib/palette';
import type { WaterfallStep } from './waterfall-data';

const COLOUR: Readonly<Record<WaterfallStep['kind'], string>> = {
  start: '#595959',
  total: '#1b1b1b',
  raises: RAISES,
  lowers: LOWERS,
};

interface RenderApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(size: [number, number]): [number, number];
}

/** Category label: the reason and, when there is one, the client's value. */
export const stepLabel = (step: WaterfallStep): string =>
  step.value ? `${step.label} (${step.value})` : step.label;

/**
 * A horizontal waterfall drawn as a custom series (bars from start to end, which may cross zero),
 * each bar with its signed contribution written at its end, so colour is never the only cue.
 */
export function waterfallOption(
  steps: readonly WaterfallStep[],
  axisName: string,
  signed: (v: number) => string,
): ChartOption {
  const labels = steps.map(stepLabel);
  return {
    textStyle: TEXT_STYLE,
    grid: { left: 8, right: 56, top: 8, bottom: 40, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const step = steps[p.dataIndex]!;
        const delta = step.kind === 'start' || step.kind === 'total' ? step.end : step.end - step.start;
        return `${stepLabel(step)}: ${signed(delta)}`;
      },
    },
    xAxis: {
      type: 'value',
      name: axisName,
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: AXIS_LABEL,
      nameTextStyle: AXIS_LABEL,
      splitLine: { lineStyle: { color: '#d9d9d9' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { ...AXIS_LABEL, width: 340, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: steps.map((step, i) => [i, step.start, step.end]),
        renderItem: (_params: unknown, api: RenderApi) => {
          const index = api.value(0);
          const step = steps[index]!;
          const from = api.coord([api.value(1), index]);
          const to = api.coord([api.value(2), index]);
          const height = api.size([0, 1])[1] * 0.62;
          const left = Math.min(from[0], to[0]);
          const width = Math.max(1, Math.abs(to[0] - from[0]));
          const delta = step.kind === 'start' || step.kind === 'total' ? step.end : step.end - step.start;
          const rightwards = to[0] >= from[0];
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { x: left, y: from[1] - height / 2, width, height },
                style: { fill: COLOUR[step.kind] },
              },
              {
                type: 'text',
                style: {
                  text: signed(delta),
                  x: rightwards ? left + width + 4 : left - 4,
                  y: from[1],
                  align: rightwards ? 'left' : 'right',
                  verticalAlign: 'middle',
                  fill: '#1b1b1b',
                  fontSize: 12,
                },
              },
            ],
          };
        },
      },
    ],
  };
}
