import { AXIS_LABEL, TEXT_STYLE, Y_NAME, type ChartOption } from '../../../components/chart/chart-option';
import { CLIENT_MARK, OKABE_ITO } from '../../../lib/palette';

export interface DistributionSeries {
  readonly name: string;
  readonly shares: readonly number[];
  readonly colour: string;
}

/** Bars of shares per bin for each series, the client's bin marked by a labelled black line. */
export function distributionOption(
  binLabels: readonly string[],
  series: readonly DistributionSeries[],
  clientBin: number | null,
  clientLabel: string,
  axisName: string,
): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    legend: { top: 0, textStyle: AXIS_LABEL },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${(v * 100).toFixed(1)} %` },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...binLabels],
      axisLabel: { ...AXIS_LABEL, rotate: binLabels.length > 8 ? 35 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: {
      type: 'value',
      name: axisName,
      nameTextStyle: Y_NAME,
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${Math.round(v * 100)} %` },
      splitLine: { lineStyle: { color: '#d9d9d9' } },
    },
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: [...s.shares],
      itemStyle: {
        color: s.colour,
        borderColor: i === 0 ? OKABE_ITO.black : undefined,
        borderWidth: i === 0 ? 0 : 0,
      },
      barGap: '10%',
      ...(i === 0 && clientBin !== null
        ? {
            markLine: {
              symbol: ['none', 'triangle'],
              silent: true,
              lineStyle: { color: CLIENT_MARK, width: 3, type: 'solid' },
              label: { formatter: clientLabel, color: '#1b1b1b', fontWeight: 'bold', position: 'end' },
              data: [{ xAxis: clientBin }],
            },
          }
        : {}),
    })),
  };
}
