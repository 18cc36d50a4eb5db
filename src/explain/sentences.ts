import type { PopulationStats } from './population-stats.js';
import type { Direction, Text } from './types.js';

const NBSP = '\u00a0';

/** A share 0-100 as a whole percentage ("<1" and ">99" rather than 0 and 100 when not exact). */
export function percentText(share: number): Text {
  const rounded =
    share > 0 && share < 1 ? '<1' : share < 100 && share > 99 ? '>99' : String(Math.round(share));
  return { en: `${rounded}%`, fr: `${rounded}${NBSP}%` };
}

const EFFECT: Record<Direction, Text> = {
  raises: { en: 'this raises the estimated risk', fr: 'cela augmente le risque estimé' },
  lowers: { en: 'this lowers the estimated risk', fr: 'cela diminue le risque estimé' },
};

export interface SentenceInput {
  readonly feature: string;
  readonly label: Text;
  readonly value: number | null;
  readonly formatted: Text;
  readonly categorical: boolean;
  readonly direction: Direction;
}

/**
 * The sentence addressed to the client for one reason: the value placed among all clients
 * (higher or lower than that of N % of them, or shared by N % for a category or a missing
 * value), then which way it pushes the estimated risk.
 */
export function reasonSentence(input: SentenceInput, stats: PopulationStats): Text {
  const { label, value, formatted, direction } = input;
  const effect = EFFECT[direction];
  const known = stats.has(input.feature);
  if (value === null || Number.isNaN(value)) {
    const share = known ? stats.sameValueShare(input.feature, null) : null;
    const as = share === null ? null : percentText(share);
    return {
      en: `Your “${label.en}” is not provided${as ? ` (as for ${as.en} of clients)` : ''}; ${effect.en}.`,
      fr: `Votre donnée « ${label.fr} » n’est pas renseignée${as ? ` (comme pour ${as.fr} des clients)` : ''}${NBSP}; ${effect.fr}.`,
    };
  }
  if (input.categorical || !known) {
    const share = known ? stats.sameValueShare(input.feature, value) : null;
    const as = share === null ? null : percentText(share);
    return {
      en: `Your “${label.en}” is ${formatted.en}${as ? ` (as for ${as.en} of clients)` : ''}; ${effect.en}.`,
      fr: `Votre donnée « ${label.fr} » est ${formatted.fr}${as ? ` (comme pour ${as.fr} des clients)` : ''}${NBSP}; ${effect.fr}.`,
    };
  }
  const { below, above } = stats.position(input.feature, value);
  if (below >= above) {
    const p = percentText(below);
    return {
      en: `Your “${label.en}” (${formatted.en}) is higher than that of ${p.en} of clients; ${effect.en}.`,
      fr: `Votre valeur de « ${label.fr} » (${formatted.fr}) est supérieure à celle de ${p.fr} des clients${NBSP}; ${effect.fr}.`,
    };
  }
  const p = percentText(above);
  return {
    en: `Your “${label.en}” (${formatted.en}) is lower than that of ${p.en} of clients; ${effect.en}.`,
    fr: `Votre valeur de « ${label.fr} » (${formatted.fr}) est inférieure à celle de ${p.fr} des clients${NBSP}; ${effect.fr}.`,
  };
}
