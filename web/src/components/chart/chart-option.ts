import type { EChartsCoreOption } from 'echarts/core';

/** An ECharts option, as the pure builders of each chart return it. */
export type ChartOption = EChartsCoreOption;

/**
 * The page's font stack, named (not 'inherit'): ECharts measures text on a canvas, and a font it
 * cannot resolve there is measured wrong, so labels overlap or are cut.
 */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Shared text style: the page's font and a dark grey that passes AA on white. */
export const TEXT_STYLE = { fontFamily: FONT, color: '#1b1b1b', fontSize: 13 } as const;
export const AXIS_LABEL = { fontFamily: FONT, color: '#333333', fontSize: 12 } as const;
/** A y-axis name above the axis, running right so it is never cut at the chart's left edge. */
export const Y_NAME = { ...AXIS_LABEL, align: 'left' } as const;
