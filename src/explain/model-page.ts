import type { Database } from '../data/index.js';
import { confusion, costCurve, prCurve, reliabilityTable, rocCurve } from '../model/index.js';
import type { Confusion, CostCurve, Curve, PrPoint, ReliabilityBin, RocPoint } from '../model/index.js';
import type { ModelCard, OutOfFold } from '../registry/index.js';
import { entryOf, groupOf } from './feature-groups.js';
import { fairnessView, type FairnessView } from './fairness.js';
import type { Text } from './types.js';

/** Total gain of a readable group of features, with its members. */
export interface ImportanceGroup {
  readonly key: string;
  readonly label: Text;
  readonly gain: number;
  /** Share of the model's total gain (0-1). */
  readonly share: number;
  readonly features: readonly { readonly name: string; readonly label: Text; readonly gain: number }[];
}

/** Everything the model page shows, from the out-of-fold predictions and the card. */
export interface ModelPage {
  readonly version: number;
  readonly card: ModelCard;
  readonly roc: Curve<RocPoint>;
  readonly pr: Curve<PrPoint>;
  readonly calibration: readonly ReliabilityBin[];
  readonly cost: CostCurve;
  readonly threshold: number;
  readonly confusion: Confusion;
  readonly importance: readonly ImportanceGroup[];
  readonly fairness: FairnessView;
}

export interface ModelPageInput {
  readonly card: ModelCard;
  readonly oof: OutOfFold;
  /** Total gain per feature, card.features order (ScoringModel.importance()). */
  readonly importance: Float64Array;
}

/** The model page's data; the database is read for the fairness groups (application_train). */
export async function modelPage(db: Database, input: ModelPageInput): Promise<ModelPage> {
  const { card, oof } = input;
  const { threshold, fnCost, fpCost } = card.decision;
  return {
    version: card.version,
    card,
    // ranking curves on the model's own probability (calibration only adds ties), as the card's metrics
    roc: rocCurve(oof.labels, oof.raw),
    pr: prCurve(oof.labels, oof.raw),
    calibration: reliabilityTable(oof.labels, oof.calibrated, 10),
    cost: costCurve(oof.labels, oof.calibrated, { fnCost, fpCost }),
    threshold,
    confusion: confusion(oof.labels, oof.calibrated, threshold),
    importance: groupedImportance(card.features, input.importance),
    fairness: await fairnessView(db, oof, threshold),
  };
}

/** Gain grouped to readable features, largest first. */
export function groupedImportance(features: readonly string[], gain: Float64Array): ImportanceGroup[] {
  let total = 0;
  for (const g of gain) total += g;
  const groups = new Map<
    string,
    { label: Text; gain: number; features: ImportanceGroup['features'][number][] }
  >();
  features.forEach((name, i) => {
    const group = groupOf(name);
    let entry = groups.get(group.key);
    if (!entry) {
      entry = { label: group.label, gain: 0, features: [] };
      groups.set(group.key, entry);
    }
    entry.gain += gain[i]!;
    if (gain[i]! > 0) entry.features.push({ name, label: entryOf(name).label, gain: gain[i]! });
  });
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      label: g.label,
      gain: g.gain,
      share: total > 0 ? g.gain / total : 0,
      features: g.features.sort((a, b) => b.gain - a.gain),
    }))
    .filter((g) => g.gain > 0)
    .sort((a, b) => b.gain - a.gain);
}
