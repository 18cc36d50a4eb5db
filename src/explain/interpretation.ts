import type { Decision } from '../model/index.js';
import type { Reason, Text } from './types.js';

export interface InterpretationInput {
  readonly probability: number;
  readonly decision: Decision;
  readonly threshold: number;
  readonly reviewBand: number;
  readonly rawLogOdds: number;
  readonly bias: number;
  readonly raising: readonly Reason[];
  readonly lowering: readonly Reason[];
}

const pct = (p: number, lang: 'en' | 'fr'): string =>
  new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(p);
const num = (x: number, lang: 'en' | 'fr'): string =>
  new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'fr-FR', {
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(x);

/** "a, b and c" / "a, b et c". */
function list(reasons: readonly Reason[], lang: 'en' | 'fr', count = 3): string {
  const labels = reasons.slice(0, count).map((r) => r.label[lang].toLowerCase());
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'et'} ${labels.at(-1)!}`;
}

const DECISION: Record<Decision, Text> = {
  accepted: { en: 'accepted', fr: 'acceptée' },
  refused: { en: 'refused', fr: 'refusée' },
  review: { en: 'sent to an advisor for review', fr: 'transmise à un conseiller pour examen' },
};

/** One paragraph for the advisor: probability, threshold, decision, main factors, the log-odds scale. */
export function advisorParagraph(x: InterpretationInput): Text {
  const band = x.reviewBand > 0;
  const up = { en: list(x.raising, 'en'), fr: list(x.raising, 'fr') };
  const down = { en: list(x.lowering, 'en'), fr: list(x.lowering, 'fr') };
  return {
    en:
      `Estimated probability of default ${pct(x.probability, 'en')} against a refusal threshold of ${pct(x.threshold, 'en')}` +
      `${band ? ` (review band ±${pct(x.reviewBand, 'en')})` : ''}: the application is ${DECISION[x.decision].en}. ` +
      `${up.en ? `The risk is raised mostly by ${up.en}` : 'Nothing stands out as raising the risk'}` +
      `${down.en ? `, and lowered by ${down.en}.` : '.'} ` +
      `Contributions are SHAP values on the model's log-odds scale: with the base value ${num(x.bias, 'en')} they add up to the raw score ${num(x.rawLogOdds, 'en')}.`,
    fr:
      `Probabilité de défaut estimée à ${pct(x.probability, 'fr')} pour un seuil de refus de ${pct(x.threshold, 'fr')}` +
      `${band ? ` (zone d’examen ±${pct(x.reviewBand, 'fr')})` : ''}${'\u00a0'}: la demande est ${DECISION[x.decision].fr}. ` +
      `${up.fr ? `Le risque est surtout augmenté par ${up.fr}` : 'Aucun facteur ne se détache pour augmenter le risque'}` +
      `${down.fr ? `, et diminué par ${down.fr}.` : '.'} ` +
      `Les contributions sont des valeurs SHAP sur l’échelle log-odds du modèle${'\u00a0'}: avec la valeur de base ${num(x.bias, 'fr')}, elles somment au score brut ${num(x.rawLogOdds, 'fr')}.`,
  };
}

/** The same, addressed to the client ("vous" / "you"), without technical terms. */
export function clientParagraph(x: InterpretationInput): Text {
  const up = { en: list(x.raising, 'en'), fr: list(x.raising, 'fr') };
  const down = { en: list(x.lowering, 'en'), fr: list(x.lowering, 'fr') };
  const opening: Record<Decision, Text> = {
    accepted: {
      en: `Your application is accepted: we estimate the risk that the loan is not repaid at ${pct(x.probability, 'en')}, below our limit of ${pct(x.threshold, 'en')}.`,
      fr: `Votre demande est acceptée${'\u00a0'}: nous estimons le risque que le prêt ne soit pas remboursé à ${pct(x.probability, 'fr')}, sous notre limite de ${pct(x.threshold, 'fr')}.`,
    },
    refused: {
      en: `Your application cannot be accepted as it stands: we estimate the risk that the loan is not repaid at ${pct(x.probability, 'en')}, above our limit of ${pct(x.threshold, 'en')}.`,
      fr: `Votre demande ne peut pas être acceptée en l’état${'\u00a0'}: nous estimons le risque que le prêt ne soit pas remboursé à ${pct(x.probability, 'fr')}, au-dessus de notre limite de ${pct(x.threshold, 'fr')}.`,
    },
    review: {
      en: `Your application will be examined by an advisor: we estimate the risk that the loan is not repaid at ${pct(x.probability, 'en')}, close to our limit of ${pct(x.threshold, 'en')}.`,
      fr: `Votre demande va être examinée par un conseiller${'\u00a0'}: nous estimons le risque que le prêt ne soit pas remboursé à ${pct(x.probability, 'fr')}, proche de notre limite de ${pct(x.threshold, 'fr')}.`,
    },
  };
  return {
    en:
      `${opening[x.decision].en}` +
      `${up.en ? ` What weighs most against your application: ${up.en}.` : ''}` +
      `${down.en ? ` What works in your favour: ${down.en}.` : ''}`,
    fr:
      `${opening[x.decision].fr}` +
      `${up.fr ? ` Ce qui pèse le plus contre votre demande${'\u00a0'}: ${up.fr}.` : ''}` +
      `${down.fr ? ` Ce qui joue en votre faveur${'\u00a0'}: ${down.fr}.` : ''}`,
  };
}
