import { formatBoth } from './feature-groups.js';
import type { Lever } from './counterfactual.js';
import type { Text } from './types.js';

const NBSP = '\u00a0';

const moneyText = (value: number): Text => formatBoth('AMT_CREDIT', value);

interface Found {
  readonly changes: Readonly<Record<string, { readonly from: number; readonly to: number }>>;
  readonly termMonths: number;
}

/** "Un montant de 180 000 serait accepté" and its siblings, per lever. */
export function leverSentence(
  lever: Lever,
  application: Readonly<Record<string, unknown>>,
  found: Found,
): Text {
  const credit = found.changes.AMT_CREDIT;
  const annuity = found.changes.AMT_ANNUITY;
  switch (lever) {
    case 'amount': {
      const to = moneyText(credit!.to);
      const from = moneyText(credit!.from);
      return {
        en: `A loan of ${to.en} instead of ${from.en} (for goods costing as much, over the same term) would be accepted.`,
        fr: `Un montant de ${to.fr} au lieu de ${from.fr} (pour un bien du même prix, sur la même durée) serait accepté.`,
      };
    }
    case 'contribution': {
      const goods = Number(application.AMT_GOODS_PRICE);
      const contribution = moneyText(goods - credit!.to);
      const to = moneyText(credit!.to);
      const price = moneyText(goods);
      return {
        en: `A personal contribution of ${contribution.en} (borrowing ${to.en} for goods costing ${price.en}) would be accepted.`,
        fr: `Un apport personnel de ${contribution.fr} (un emprunt de ${to.fr} pour un bien de ${price.fr}) serait accepté.`,
      };
    }
    case 'term': {
      const to = moneyText(annuity!.to);
      const from = moneyText(annuity!.from);
      const months = Math.round(found.termMonths);
      const before = Math.round(Number(application.AMT_CREDIT) / annuity!.from);
      return {
        en: `An annuity of ${to.en} instead of ${from.en}, that is a term of about ${months} months instead of ${before}, would be accepted.`,
        fr: `Une annuité de ${to.fr} au lieu de ${from.fr}, soit une durée d’environ ${months}${NBSP}mois au lieu de ${before}, serait acceptée.`,
      };
    }
  }
}

/** Why a lever gives no suggestion. */
export function unreachableReason(
  why: 'no-credit' | 'no-goods' | 'no-annuity' | 'term-at-bound' | 'bound',
  minShare = 0.2,
  maxTerm = 360,
): Text {
  switch (why) {
    case 'no-credit':
      return { en: 'The application has no credit amount.', fr: 'La demande n’a pas de montant de crédit.' };
    case 'no-goods':
      return { en: 'The application has no goods price.', fr: 'La demande n’a pas de prix du bien.' };
    case 'no-annuity':
      return { en: 'The application has no annuity.', fr: 'La demande n’a pas d’annuité.' };
    case 'term-at-bound':
      return {
        en: `The term is already at its longest (${maxTerm} months).`,
        fr: `La durée est déjà à son maximum (${maxTerm}${NBSP}mois).`,
      };
    case 'bound': {
      const share = Math.round(minShare * 100);
      return {
        en: `No change within bounds (down to ${share}% of the original, terms up to ${maxTerm} months) is accepted.`,
        fr: `Aucun changement dans les limites (jusqu’à ${share}${NBSP}% de la valeur d’origine, durées jusqu’à ${maxTerm}${NBSP}mois) n’est accepté.`,
      };
    }
  }
}
