import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable, type DataTableProps } from '../data-table';
import type { ChartOption } from './chart-option';

// ECharts is loaded with the first chart, not with the log-in page.
const EChartsView = lazy(() => import('./echarts-view'));

export interface ChartFigureProps {
  /** Names the chart (kebab-case), for tests and styles. */
  readonly name: string;
  readonly title: string;
  /** The text alternative: what the chart says, in one or two sentences. */
  readonly summary: ReactNode;
  readonly option: ChartOption;
  readonly table: DataTableProps;
  readonly height?: number;
  /** Show the data table open (e.g. in the letter). */
  readonly tableOpen?: boolean;
}

/**
 * Every chart of the dashboard: a titled figure, a sentence saying what it shows, the chart as
 * an image for assistive technology, and the same data as a table (keyboard-openable).
 */
export function ChartFigure({
  name,
  title,
  summary,
  option,
  table,
  height = 280,
  tableOpen,
}: ChartFigureProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure className="chart-figure" data-chart={name} aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
      <div role="img" aria-labelledby={titleId} aria-describedby={summaryId} className="chart-box">
        <Suspense fallback={<div className="chart-canvas chart-loading" style={{ height }} />}>
          <EChartsView option={option} height={height} />
        </Suspense>
      </div>
      <details className="chart-data" open={tableOpen}>
        <summary>{t('chart.table', { title })}</summary>
        <DataTable {...table} />
      </details>
    </figure>
  );
}
