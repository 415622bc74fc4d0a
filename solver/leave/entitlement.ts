/**
 * Paid annual leave (带薪年休假) for one calendar year. Pure: dates in, whole days out.
 *
 * The rule implemented, from 《职工带薪年休假条例》 art. 3 and 《企业职工带薪年休假实施办法》 arts. 4–5:
 * - The tier follows cumulative years of work (累计工作时间), counted from the person's first start of
 *   work (参加工作日期; the hire date here when unknown, or when it is later than the hire date):
 *   满1年不满10年 5 days, 满10年不满20年 10 days, 满20年 15 days, under 1 year none.
 * - "满N年" is reached ON the N-th anniversary of the start (a 29 February start reaches it on
 *   1 March in a common year): the day before it the person has N-1 full years.
 * - Days only count while the person is at this employer: a new hire's first year runs from the
 *   hire date (实施办法 art. 5: 按照在本单位剩余日历天数折算).
 * - A year in which the tier changes (first becoming entitled at 1 year, or moving up at 10 or 20)
 *   is split at the anniversary and each part prorated the same way (分段折算): the sum over the
 *   year's days at this employer of tier ÷ 365.
 * - 折算后不足1整天的部分不享受年休假: the total is rounded down to whole days, and never exceeds the
 *   highest tier reached in the year (a leap year's 366th day gives nothing extra).
 * Not modelled: the exclusions of 条例 art. 4 (long sick or unpaid personal leave, winter/summer
 * vacations) and the proration in the year of leaving (实施办法 art. 12); a dispatcher settles those.
 */

export interface EntitlementInput {
  /** 参加工作日期, or null when unknown. */
  workStartDate: string | null;
  /** Joined this employer. */
  hireDate: string;
  year: number;
}

/** Statutory days for a number of completed years of work. */
export function tierForYears(years: number): number {
  if (years >= 20) return 15;
  if (years >= 10) return 10;
  if (years >= 1) return 5;
  return 0;
}

/** Where cumulative work is counted from: the earlier of the work start (when known) and the hire date. */
export function cumulativeStart(workStartDate: string | null, hireDate: string): string {
  return workStartDate !== null && workStartDate < hireDate ? workStartDate : hireDate;
}

/** The date on which `years` full years from `start` are completed. */
export function anniversary(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y + years, m - 1, d);
  // Date.UTC rolls 29 February of a common year over to 1 March, as the law's counting does.
  return new Date(t).toISOString().slice(0, 10);
}

/** Completed years of work on `date`. */
export function completedYears(start: string, date: string): number {
  if (date < start) return 0;
  let years = Number(date.slice(0, 4)) - Number(start.slice(0, 4));
  while (years > 0 && anniversary(start, years) > date) years -= 1;
  return years;
}

/** Statutory days of annual leave a person's years of work give on `date` (before any proration). */
export function tierOn(workStartDate: string | null, hireDate: string, date: string): number {
  return tierForYears(completedYears(cumulativeStart(workStartDate, hireDate), date));
}

/** Whole days of paid annual leave for the calendar year. */
export function annualEntitlement({ workStartDate, hireDate, year }: EntitlementInput): number {
  const start = cumulativeStart(workStartDate, hireDate);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const from = hireDate > first ? hireDate : first;
  if (from > last) return 0;
  // Tier changes happen only on anniversaries: walk the segments between them.
  const cuts = [1, 10, 20].map((n) => anniversary(start, n)).filter((date) => date > from && date <= last);
  const bounds = [from, ...cuts, nextDay(last)];
  let dayTiers = 0;
  let highest = 0;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const tier = tierForYears(completedYears(start, bounds[i]!));
    dayTiers += daysBetween(bounds[i]!, bounds[i + 1]!) * tier;
    highest = Math.max(highest, tier);
  }
  return Math.min(highest, Math.floor(dayTiers / 365));
}

function daysBetween(from: string, toExclusive: string): number {
  return Math.round((Date.parse(`${toExclusive}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
