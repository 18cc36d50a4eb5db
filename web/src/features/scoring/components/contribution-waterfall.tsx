import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { ChartFigure } from '../../../components/chart/chart-figure';
import { signed } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { Explanation } from '../../../types/api';
import { waterfallSteps } from './waterfall-data';
import { waterfallOption } from './waterfall-option';

export interface ContributionWaterfallProps {
  readonly explanation: Explanation;
  readonly audience: 'advisor' | 'client';
  readonly top?: number;
}

/** How each group of information moved this client's score away from the average client's (SHAP, log-odds). */
export function ContributionWaterfall({ explanation, audience, top = 8 }: ContributionWaterfallProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const steps = useMemo(
    () =>
      waterfallSteps(
        explanation,
        lang,
        {
          start: t('waterfall.start'),
          others: (count) => t('waterfall.others', { count }),
          total: t(audience === 'client' ? 'waterfall.totalClient' : 'waterfall.total'),
        },
        top,
      ),
    [explanation, lang, t, audience, top],
  );
  const fmt = (v: number) => signed(v, lang);
  const option = useMemo(
    () => waterfallOption(steps, t('waterfall.axis'), (v) => signed(v, lang)),
    [steps, t, lang],
  );
  const rows = steps.map((step) => {
    const delta = step.kind === 'start' || step.kind === 'total' ? step.end : step.end - step.start;
    const effect =
      step.kind === 'raises' ? t('waterfall.raises') : step.kind === 'lowers' ? t('waterfall.lowers') : '—';
    return [step.label, step.value || '—', fmt(delta), effect];
  });
  const first = explanation.raising[0];
  return (
    <ChartFigure
      name="waterfall"
      title={t('waterfall.title')}
      summary={
        <>
          {t(audience === 'client' ? 'waterfall.summaryClient' : 'waterfall.summary', {
            start: fmt(explanation.bias),
            end: fmt(explanation.rawLogOdds),
          })}{' '}
          {first ? t('waterfall.summaryTop', { reason: first.label[lang] }) : null}
        </>
      }
      option={option}
      height={Math.max(240, steps.length * 34 + 60)}
      table={{
        caption: t('waterfall.tableCaption'),
        columns: [
          { label: t('waterfall.colReason') },
          { label: t('waterfall.colValue') },
          { label: t('waterfall.colContribution'), numeric: true },
          { label: t('waterfall.colEffect') },
        ],
        rows,
      }}
    />
  );
}
