import type { Text } from '../../types/api';

export interface MetricSummary {
  readonly rocAuc: number;
  readonly prAuc: number;
  readonly brier: number;
  readonly logLoss: number;
  readonly ks: number;
  readonly cost: number;
  readonly costPerApplication: number;
}

export interface CandidateSummary {
  readonly name: string;
  readonly metrics: MetricSummary;
  readonly threshold: number;
  readonly calibration: string;
  readonly seconds: number;
}

/** GET /api/model (the registry's ModelCard; extra fields kept). */
export interface ModelCard {
  readonly version: number;
  readonly name: string;
  readonly kind: string;
  readonly createdAt: string;
  readonly featureVersion: string;
  readonly features: readonly string[];
  readonly metrics: Readonly<Record<string, number>>;
  readonly decision: {
    readonly threshold: number;
    readonly fnCost: number;
    readonly fpCost: number;
    readonly reviewBand: number;
  };
  readonly trainingData: Readonly<Record<string, number>>;
  readonly rounds: number;
  readonly classWeighting: string;
  readonly includeSensitive: boolean;
  readonly runId: string | null;
  readonly gitCommit: string | null;
  readonly comparison?: readonly CandidateSummary[];
}

export interface Curve<P> {
  readonly points: readonly P[];
  readonly area: number;
  readonly totalPoints: number;
}

export interface FairnessRow {
  readonly group: string;
  readonly label: Text;
  readonly size: number;
  readonly approvalRate: number;
  readonly defaultRate: number;
  readonly tpr: number;
  readonly fpr: number;
}

export interface ImportanceGroup {
  readonly key: string;
  readonly label: Text;
  readonly gain: number;
  readonly share: number;
}

/** GET /api/model/page (src/explain ModelPage). */
export interface ModelPage {
  readonly version: number;
  readonly card: ModelCard;
  readonly roc: Curve<{ threshold: number; fpr: number; tpr: number }>;
  readonly pr: Curve<{ threshold: number; recall: number; precision: number }>;
  readonly calibration: readonly {
    lower: number;
    upper: number;
    count: number;
    meanPredicted: number | null;
    observedRate: number | null;
  }[];
  readonly cost: {
    readonly costs: { readonly fnCost: number; readonly fpCost: number };
    readonly points: readonly {
      threshold: number;
      cost: number;
      costPerApplication: number;
      fn: number;
      fp: number;
      refused: number;
    }[];
    readonly best: { readonly threshold: number; readonly cost: number; readonly costPerApplication: number };
  };
  readonly threshold: number;
  readonly confusion: { readonly tp: number; readonly fp: number; readonly tn: number; readonly fn: number };
  readonly importance: readonly ImportanceGroup[];
  readonly fairness: {
    readonly threshold: number;
    readonly byGender: readonly FairnessRow[];
    readonly byAgeBand: readonly FairnessRow[];
  };
}
