/**
 * Settling paid annual leave at the year's end or on leaving. Pure: days and wages in.
 *
 * - Proration on leaving (实施办法 art. 12): (calendar days at this employer this year / 365) × the
 *   full year's entitlement, less the days already taken; the part under one whole day is not
 *   owed, and days taken beyond it are not clawed back (never below 0).
 * - Payout of unused days (条例 art. 5, 实施办法 art. 10): 300% of the daily wage in total, of which
 *   the 100% is the wage already paid for the day; the payout is the other 200%. Daily wage =
 *   monthly wage / 21.75 (实施办法 art. 11).
 * - Exclusions (条例 art. 4): no annual leave in a year with 事假 of 20 days or more (when the
 *   employer did not dock pay for it), or with sick leave of 2 / 3 / 4 months or more for 累计工龄 of
 *   1–10 / 10–20 / 20+ years. The app warns with the days that trigger them and leaves the decision
 *   to HR; a month of sick leave is read as 30 calendar days.
 */
import { cents, PAID_DAYS_PER_MONTH } from '../pay/cost.ts';

const DAYS_IN_YEAR = 365;
/** The law's months of sick leave read as calendar days. */
const DAYS_PER_SICK_MONTH = 30;
export const PERSONAL_LEAVE_EXCLUSION_DAYS = 20;

/** Unused days owed to a leaver, whole days, rounded down. */
export function leaverUnusedDays(input: { fullEntitlement: number; daysAtEmployerThisYear: number; daysTaken: number }): number {
  const { fullEntitlement, daysAtEmployerThisYear, daysTaken } = input;
  if (![fullEntitlement, daysAtEmployerThisYear, daysTaken].every((value) => Number.isFinite(value) && value >= 0)) {
    throw new RangeError('annual-leave days must be non-negative numbers');
  }
  const prorated = (Math.min(daysAtEmployerThisYear, DAYS_IN_YEAR) / DAYS_IN_YEAR) * fullEntitlement;
  // Cut binary dust before flooring so 365/365 × 5 − 2 is 3, not 2.999….
  return Math.max(0, Math.floor(Number((prorated - daysTaken).toPrecision(12))));
}

/** The extra 200% for unused days: days × (monthly wage / 21.75) × 2, in yuan. */
export function unusedLeavePayout(unusedDays: number, monthlyWage: number): number {
  return cents(unusedDays * cents(monthlyWage / PAID_DAYS_PER_MONTH) * 2);
}

export type AnnualLeaveExclusion =
  | { rule: 'personal_leave'; days: number; thresholdDays: number }
  | { rule: 'sick_leave'; days: number; thresholdDays: number; cumulativeYears: number };

/** Sick-leave months that exclude annual leave for 累计工龄 `years`; null under 1 year (no leave anyway). */
export function sickLeaveExclusionMonths(years: number): number | null {
  if (years >= 20) return 4;
  if (years >= 10) return 3;
  if (years >= 1) return 2;
  return null;
}

/** The art. 4 exclusions a year's leave triggers, each with its days. */
export function annualLeaveExclusions(input: { personalLeaveDays: number; sickLeaveDays: number; cumulativeYears: number }): AnnualLeaveExclusion[] {
  const found: AnnualLeaveExclusion[] = [];
  if (input.personalLeaveDays >= PERSONAL_LEAVE_EXCLUSION_DAYS) {
    found.push({ rule: 'personal_leave', days: input.personalLeaveDays, thresholdDays: PERSONAL_LEAVE_EXCLUSION_DAYS });
  }
  const months = sickLeaveExclusionMonths(input.cumulativeYears);
  if (months !== null && input.sickLeaveDays >= months * DAYS_PER_SICK_MONTH) {
    found.push({ rule: 'sick_leave', days: input.sickLeaveDays, thresholdDays: months * DAYS_PER_SICK_MONTH, cumulativeYears: input.cumulativeYears });
  }
  return found;
}
