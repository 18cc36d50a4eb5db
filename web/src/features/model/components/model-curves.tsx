import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { ChartFigure } from '../../../components/chart/chart-figure';
import { number, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { ModelPage } from '../types';
import { curveOption, thin } from './curve-option';

const fix = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);

/** ROC and precision-recall curves of the out-of-fold predictions. */
export function RocPrCharts({ page }: { readonly page: ModelPage }) {
  const { t } = useTranslation();
  const roc = useMemo(
    () =>
      curveOption(
        [
          {
            name: t('model.roc.curve', { auc: fix(page.roc.area) }),
            points: page.roc.points.map((p) => [p.fpr, p.tpr] as const),
          },
          {
            name: t('model.roc.chance'),
            points: [
              [0, 0],
              [1, 1],
            ],
            reference: true,
          },
        ],
        { xName: t('model.roc.x'), yName: t('model.roc.y'), xMax: 1, yMax: 1 },
      ),
    [page, t],
  );
  const base = page.card.trainingData.defaultRate ?? 0;
  const pr = useMemo(
    () =>
      curveOption(
        [
          {
            name: t('model.pr.curve', { auc: fix(page.pr.area) }),
            points: page.pr.points.map((p) => [p.recall, p.precision] as const),
          },
          {
            name: t('model.pr.base'),
            points: [
              [0, base],
              [1, base],
            ],
            reference: true,
          },
        ],
        { xName: t('model.pr.x'), yName: t('model.pr.y'), xMax: 1, yMax: 1 },
      ),
    [page, t, base],
  );
  return (
    <div className="chart-grid">
      <ChartFigure
        name="roc"
        title={t('model.roc.title')}
        summary={t('model.roc.summary', { auc: fix(page.roc.area) })}
        option={roc}
        table={{
          caption: t('model.roc.title'),
          columns: [
            { label: t('model.threshold') },
            { label: t('model.roc.x'), numeric: true },
            { label: t('model.roc.y'), numeric: true },
          ],
          rows: thin(page.roc.points).map((p) => [fix(p.threshold), fix(p.fpr), fix(p.tpr)]),
        }}
      />
      <ChartFigure
        name="pr"
        title={t('model.pr.title')}
        summary={t('model.pr.summary', { auc: fix(page.pr.area), base: fix(base) })}
        option={pr}
        table={{
          caption: t('model.pr.title'),
          columns: [
            { label: t('model.threshold') },
            { label: t('model.pr.x'), numeric: true },
            { label: t('model.pr.y'), numeric: true },
          ],
          rows: thin(page.pr.points).map((p) => [fix(p.threshold), fix(p.recall), fix(p.precision)]),
        }}
      />
    </div>
  );
}

/** Calibration (mean predicted vs observed per bin) and the cost-versus-threshold curve with the chosen threshold. */
export function CalibrationCostCharts({ page }: { readonly page: ModelPage }) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const bins = page.calibration.filter(
    (b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null,
  );
  const calibration = useMemo(
    () =>
      curveOption(
        [
          {
            name: t('model.calibration.model'),
            points: bins.map((b) => [b.meanPredicted!, b.observedRate!] as const),
          },
          {
            name: t('model.calibration.perfect'),
            points: [
              [0, 0],
              [1, 1],
            ],
            reference: true,
          },
        ],
        { xName: t('model.calibration.x'), yName: t('model.calibration.y'), percentAxes: true },
      ),
    [bins, t],
  );
  const cost = useMemo(
    () =>
      curveOption(
        [
          {
            name: t('model.cost.curve'),
            points: page.cost.points.map((p) => [p.threshold, p.costPerApplication] as const),
          },
        ],
        {
          xName: t('model.threshold'),
          yName: t('model.cost.y'),
          xMax: 1,
          markX: {
            value: page.threshold,
            label: t('model.cost.chosen', { threshold: percent(page.threshold, lang) }),
          },
        },
      ),
    [page, t, lang],
  );
  return (
    <div className="chart-grid">
      <ChartFigure
        name="calibration"
        title={t('model.calibration.title')}
        summary={t('model.calibration.summary')}
        option={calibration}
        table={{
          caption: t('model.calibration.title'),
          columns: [
            { label: t('model.calibration.bin') },
            { label: t('model.calibration.count'), numeric: true },
            { label: t('model.calibration.x'), numeric: true },
            { label: t('model.calibration.y'), numeric: true },
          ],
          rows: page.calibration.map((b) => [
            `${percent(b.lower, lang, 0)} – ${percent(b.upper, lang, 0)}`,
            number(b.count, lang),
            b.meanPredicted === null ? '—' : percent(b.meanPredicted, lang),
            b.observedRate === null ? '—' : percent(b.observedRate, lang),
          ]),
        }}
      />
      <ChartFigure
        name="cost"
        title={t('model.cost.title')}
        summary={t('model.cost.summary', {
          threshold: percent(page.threshold, lang),
          fn: page.cost.costs.fnCost,
          fp: page.cost.costs.fpCost,
          cost: number(page.cost.best.costPerApplication, lang, 3),
        })}
        option={cost}
        table={{
          caption: t('model.cost.title'),
          columns: [
            { label: t('model.threshold') },
            { label: t('model.cost.y'), numeric: true },
            { label: t('model.cost.fn'), numeric: true },
            { label: t('model.cost.fp'), numeric: true },
          ],
          rows: thin(page.cost.points).map((p) => [
            percent(p.threshold, lang),
            number(p.costPerApplication, lang, 3),
            p.fn,
            p.fp,
          ]),
        }}
      />
    </div>
  );
}
