import type { Database } from '../data/index.js';
import type { Confusion, CostCurve, Curve, PrPoint, ReliabilityBin, RocPoint } from '../model/index.js';
import type { ModelCard, OutOfFold } from '../registry/index.js';
import type { Text } from './types.js';

/** Rates at the threshold for one group of training clients (out-of-fold predictions). */
export interface FairnessRow {
  readonly group: string;
  readonly label: Text;
  readonly size: number;
  /** Share accepted (probability below the threshold). */
  readonly approvalRate: number;
  /** Observed share of defaulters. */
  readonly defaultRate: number;
  /** Defaulters refused / defaulters (NaN without defaulters). */
  readonly tpr: number;
  /** Good clients refused / good clients (NaN without good clients). */
  readonly fpr: number;
}

export interface FairnessView {
  readonly threshold: number;
  readonly byGender: readonly FairnessRow[];
  readonly byAgeBand: readonly FairnessRow[];
}

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
export function modelPage(db: Database, input: ModelPageInput): Promise<ModelPage> {
  void db;
  void input;
  throw new Error('not implemented');
}

/** Approval, default, TPR and FPR at the threshold by gender and by age band. */
export function fairnessView(db: Database, oof: OutOfFold, threshold: number): Promise<FairnessView> {
  void db;
  void oof;
  void threshold;
  throw new Error('not implemented');
}

/** Gain grouped to readable features, largest first. */
export function groupedImportance(features: readonly string[], gain: Float64Array): ImportanceGroup[] {
  void features;
  void gain;
  throw new Error('not implemented');
}
