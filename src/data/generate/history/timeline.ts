/**
 * Time in the secondary tables: days and months are offsets from the current
 * application (day 0, month 0). Histories reach back 8 years (-2922 days, month -96).
 */

export const HORIZON_DAYS = -2922;
export const HORIZON_MONTHS = -96;
/** "1000 years": the Home Credit placeholder for an unknown or never-reached date. */
export const SENTINEL = 365243;
export const DAYS_PER_MONTH = 30.4375;
/** Earliest age (in days) at which a client can hold credit. */
export const ADULT_DAYS = 18 * 365;

/** Month offset holding a day offset (day -1 and day -30 lie in month -1). */
export function monthOf(day: number): number {
  return Math.floor(day / DAYS_PER_MONTH);
}

/** Last day of a month offset (month -1 ends on day -1). */
export function monthEnd(month: number): number {
  return Math.ceil((month + 1) * DAYS_PER_MONTH) - 1;
}

/** Earliest day a client's history may start: 8 years back, not before age 18. */
export function earliestDay(daysBirth: number): number {
  return Math.min(-1, Math.max(HORIZON_DAYS, daysBirth + ADULT_DAYS));
}
