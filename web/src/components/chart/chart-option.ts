import type { EChartsCoreOption } from 'echarts/core';

/** An ECharts option, as the pure builders of each chart return it. */
export type ChartOption = EChartsCoreOption;

/** Shared text style: the page's font and a dark grey that passes AA on white. */
export const TEXT_STYLE = { fontFamily: 'inherit', color: '#1b1b1b', fontSize: 13 } as const;
export const AXIS_LABEL = { color: '#333333', fontSize: 12 } as const;
