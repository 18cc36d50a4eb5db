import type { Explanation, Lang } from '../../../types/api';

/** One bar of the waterfall, on the log-odds scale: from `start` to `end`. */
export interface WaterfallStep {
  readonly label: string;
  /** The client's value as a person reads it (empty for the start and total bars). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'start' | 'raises' | 'lowers' | 'total';
}

export interface WaterfallTexts {
  readonly start: string;
  readonly others: (count: number) => string;
  readonly total: string;
}

/**
 * From the average client's log-odds (the SHAP bias) through the `top` largest groups, the rest
 * summed, to this client's log-odds: raw score = bias + sum of contributions, so the steps add up.
 */
export function waterfallSteps(
  explanation: Explanation,
  lang: Lang,
  texts: WaterfallTexts,
  top = 8,
): WaterfallStep[] {
  const groups = [...explanation.groups].sort(
    (a, b) => Math.abs(b.logOddsContribution) - Math.abs(a.logOddsContribution),
  );
  const shown = groups.slice(0, top);
  const rest = groups.slice(top);
  const steps: WaterfallStep[] = [
    { label: texts.start, value: '', start: 0, end: explanation.bias, kind: 'start' },
  ];
  let at = explanation.bias;
  for (const group of shown) {
    const lead = group.features[0];
    const end = at + group.logOddsContribution;
    steps.push({
      label: group.label[lang],
      value: lead ? lead.formatted[lang] : '',
      start: at,
      end,
      kind: group.logOddsContribution >= 0 ? 'raises' : 'lowers',
    });
    at = end;
  }
  const restSum = rest.reduce((sum, g) => sum + g.logOddsContribution, 0);
  if (rest.length > 0) {
    steps.push({
      label: texts.others(rest.length),
      value: '',
      start: at,
      end: at + restSum,
      kind: restSum >= 0 ? 'raises' : 'lowers',
    });
    at += restSum;
  }
  steps.push({ label: texts.total, value: '', start: 0, end: at, kind: 'total' });
  return steps;
}
