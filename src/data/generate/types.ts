import type { Rng } from '../../core/index.js';

/**
 * What the history generator knows of one applicant: values as written to the
 * application file, plus latent traits that shape behaviour but never enter TRUE_PD.
 */
export interface Applicant {
  readonly skIdCurr: number;
  /** DAYS_BIRTH as written (negative days). */
  readonly daysBirth: number;
  readonly incomeTotal: number;
  readonly amtCredit: number;
  readonly amtAnnuity: number | null;
  readonly contractType: 'Cash loans' | 'Revolving loans';
  /** Latent creditworthiness, standard normal; higher = riskier (more overdue days, refusals, high utilisation). */
  readonly latentRisk: number;
  /** Latent appetite for credit, standard normal; higher = more credits and applications. */
  readonly creditAppetite: number;
}

/** The six secondary files' rows of one client: CSV lines in header order, no trailing newline. */
export interface HistoryRows {
  readonly bureau: string[];
  readonly bureau_balance: string[];
  readonly previous_application: string[];
  readonly POS_CASH_balance: string[];
  readonly installments_payments: string[];
  readonly credit_card_balance: string[];
}

/**
 * Quantities computed from the rows actually written, the kind a feature pipeline
 * computes too. TRUE_PD reads these (never the latent traits).
 */
export interface HistorySignals {
  readonly bureauCount: number;
  readonly bureauActiveCount: number;
  /** Max CREDIT_DAY_OVERDUE over the client's bureau credits (0 when none). */
  readonly bureauMaxDaysOverdue: number;
  /** Worst bureau_balance STATUS as a number 0..5 (C and X count as 0). */
  readonly bureauWorstStatus: number;
  /** Sum of AMT_CREDIT_SUM_DEBT over active bureau credits. */
  readonly bureauActiveDebt: number;
  readonly prevCount: number;
  /** previous_application rows with NAME_CONTRACT_STATUS = 'Refused'. */
  readonly prevRefusedCount: number;
  readonly instCount: number;
  /** installments_payments rows with DAYS_ENTRY_PAYMENT > DAYS_INSTALMENT. */
  readonly instLateCount: number;
  /** Max of DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT (0 when none or never late). */
  readonly instMaxDaysLate: number;
  /** installments_payments rows with AMT_PAYMENT < AMT_INSTALMENT. */
  readonly instShortfallCount: number;
  /** Max SK_DPD in POS_CASH_balance (0 when none). */
  readonly posMaxDpd: number;
  /** Mean of AMT_BALANCE / AMT_CREDIT_LIMIT_ACTUAL over credit-card months with a positive limit; null when none. */
  readonly ccMeanUtilisation: number | null;
}

/** Next free SK_ID_BUREAU and SK_ID_PREV; the history generator takes ids from here and advances them. */
export interface IdCounters {
  nextBureauId: number;
  nextPrevId: number;
}

export interface ClientHistory {
  readonly rows: HistoryRows;
  readonly signals: HistorySignals;
}

/** Generates one client's secondary rows; deterministic given the rng state. */
export type GenerateHistory = (rng: Rng, applicant: Applicant, ids: IdCounters) => ClientHistory;
