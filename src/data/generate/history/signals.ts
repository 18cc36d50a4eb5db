import type { HistorySignals } from '../types.js';

/**
 * Tallies HistorySignals while rows are written, from the very numbers put in the rows,
 * with SQL semantics: a missing value never counts as late, short or overdue.
 */
export class SignalTally {
  bureauCount = 0;
  bureauActiveCount = 0;
  bureauMaxDaysOverdue = 0;
  bureauWorstStatus = 0;
  bureauActiveDebt = 0;
  prevCount = 0;
  prevRefusedCount = 0;
  instCount = 0;
  instLateCount = 0;
  instMaxDaysLate = 0;
  instShortfallCount = 0;
  posMaxDpd = 0;
  private ccUtilisationSum = 0;
  private ccUtilisationMonths = 0;

  /** One installments_payments row; entry and payment are NaN when missing. */
  instalment(daysInstalment: number, daysEntry: number, amtInstalment: number, amtPayment: number): void {
    this.instCount++;
    const late = daysEntry - daysInstalment;
    if (late > 0) {
      this.instLateCount++;
      if (late > this.instMaxDaysLate) this.instMaxDaysLate = late;
    }
    if (amtPayment < amtInstalment) this.instShortfallCount++;
  }

  /** One credit_card_balance month. */
  cardMonth(balance: number, limit: number): void {
    if (limit > 0) {
      this.ccUtilisationSum += balance / limit;
      this.ccUtilisationMonths++;
    }
  }

  finish(): HistorySignals {
    return {
      bureauCount: this.bureauCount,
      bureauActiveCount: this.bureauActiveCount,
      bureauMaxDaysOverdue: this.bureauMaxDaysOverdue,
      bureauWorstStatus: this.bureauWorstStatus,
      bureauActiveDebt: this.bureauActiveDebt,
      prevCount: this.prevCount,
      prevRefusedCount: this.prevRefusedCount,
      instCount: this.instCount,
      instLateCount: this.instLateCount,
      instMaxDaysLate: this.instMaxDaysLate,
      instShortfallCount: this.instShortfallCount,
      posMaxDpd: this.posMaxDpd,
      ccMeanUtilisation:
        this.ccUtilisationMonths > 0 ? this.ccUtilisationSum / this.ccUtilisationMonths : null,
    };
  }
}
