import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '../../../components/data-table';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { dateTime, number, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { useLatestDrift } from '../api/get-drift';
import { ColumnChart } from './column-chart';

/** The latest drift report: the verdict in words, the columns by drift, one column's distributions. */
export function DriftOverview() {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const query = useLatestDrift();
  const report = query.data;
  const columns = useMemo(
    () =>
      [...(report?.columns ?? [])]
        .filter((c) => c.status === 'tested')
        .sort(
          (a, b) =>
            Number(b.driftDetected) - Number(a.driftDetected) || a.columnName.localeCompare(b.columnName),
        ),
    [report],
  );
  const [chosen, setChosen] = useState<string | null>(null);

  if (query.error?.status === 404 || query.error?.code === 'CS_ERR_NO_DRIFT_REPORT')
    return (
      <EmptyState title={t('monitoring.emptyTitle')}>
        <p>{t('monitoring.emptyText')}</p>
        <pre className="code">npx clairscore drift</pre>
      </EmptyState>
    );
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!report) return <Loading />;
  const d = report.dataset;
  const column = columns.find((c) => c.columnName === chosen) ?? columns[0];
  return (
    <div className="drift">
      <section className="card" aria-labelledby="drift-verdict">
        <h2 id="drift-verdict">
          <span aria-hidden="true">{d.datasetDrift ? '⚠ ' : '✓ '}</span>
          {t(d.datasetDrift ? 'monitoring.drifted' : 'monitoring.stable')}
        </h2>
        <p>
          {t('monitoring.summary', {
            drifted: d.numberOfDriftedColumns,
            total: d.numberOfColumns,
            share: percent(d.shareOfDriftedColumns, lang),
            limit: percent(d.driftShare, lang, 0),
          })}
        </p>
        <p className="muted">
          {t('monitoring.sets', {
            reference: report.reference.name,
            refRows: number(report.reference.rows, lang),
            current: report.current.name,
            curRows: number(report.current.rows, lang),
            at: dateTime(report.createdAt, lang),
          })}
        </p>
        {report.prediction ? (
          <p>
            {t(
              report.prediction.driftDetected
                ? 'monitoring.predictionDrifted'
                : 'monitoring.predictionStable',
            )}
          </p>
        ) : null}
        {report.warnings.length > 0 ? (
          <ul className="small">
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
      </section>
      {column ? (
        <section className="card">
          <div className="field">
            <label htmlFor="drift-column">{t('monitoring.chooseColumn')}</label>
            <select id="drift-column" value={column.columnName} onChange={(e) => setChosen(e.target.value)}>
              {columns.map((c) => (
                <option key={c.columnName} value={c.columnName}>
                  {c.columnName} {c.driftDetected ? `(${t('monitoring.driftWord')})` : ''}
                </option>
              ))}
            </select>
          </div>
          <ColumnChart column={column} />
        </section>
      ) : null}
      <section className="card">
        <h2>{t('monitoring.columnsTitle')}</h2>
        <DataTable
          caption={t('monitoring.columnsCaption')}
          columns={[
            { label: t('monitoring.column') },
            { label: t('monitoring.test') },
            { label: t('monitoring.score'), numeric: true },
            { label: t('monitoring.threshold'), numeric: true },
            { label: t('monitoring.verdict') },
          ]}
          rows={columns.map((c) => [
            c.columnName,
            c.stattestName ?? c.stattest ?? '—',
            c.driftScore === null ? '—' : c.driftScore.toPrecision(3),
            c.stattestThreshold ?? '—',
            c.driftDetected ? `⚠ ${t('monitoring.driftWord')}` : `✓ ${t('monitoring.stableWord')}`,
          ])}
        />
      </section>
    </div>
  );
}
