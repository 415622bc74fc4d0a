/**
 * The roster's period as the toolbar chooses it: a Monday-start week or a calendar month. Dates are
 * ISO strings handled in UTC arithmetic, so no time zone can move a day.
 */
export type PeriodKind = 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  /** A Monday for a week, the 1st for a month. */
  from: string;
  days: number;
}

function utc(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const next = utc(date);
  next.setUTCDate(next.getUTCDate() + days);
  return iso(next);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: string): number {
  return (utc(date).getUTCDay() + 6) % 7;
}

export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(firstOfMonthDate: string, months: number): string {
  const next = utc(firstOfMonthDate);
  next.setUTCMonth(next.getUTCMonth() + months, 1);
  return iso(next);
}

export function daysInMonth(date: string): number {
  const first = utc(firstOfMonth(date));
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Rosters are made ahead: next week, and next month. */
export function defaultPeriod(kind: PeriodKind, today: string): Period {
  return kind === 'week' ? weekPeriod(addDays(mondayOf(today), 7)) : monthPeriod(addMonths(firstOfMonth(today), 1));
}

export function weekPeriod(monday: string): Period {
  return { kind: 'week', from: mondayOf(monday), days: 7 };
}

export function monthPeriod(first: string): Period {
  return { kind: 'month', from: firstOfMonth(first), days: daysInMonth(first) };
}

export function periodEnd(period: { from: string; days: number }): string {
  return addDays(period.from, period.days - 1);
}

/** The choices the period picker offers: a few past periods to look back, more ahead to plan. */
export function periodChoices(kind: PeriodKind, today: string): Period[] {
  if (kind === 'week') {
    const monday = mondayOf(today);
    return Array.from({ length: 17 }, (_, index) => weekPeriod(addDays(monday, (index - 4) * 7)));
  }
  const first = firstOfMonth(today);
  return Array.from({ length: 10 }, (_, index) => monthPeriod(addMonths(first, index - 3)));
}

/**
 * The period a saved roster covers, as the toolbar would have chosen it; anything else (an imported
 * roster of odd length) is kept as it is, under the kind it is closest to.
 */
export function periodOfRoster(roster: { from: string; to: string }): Period {
  const days = Math.round((utc(roster.to).getTime() - utc(roster.from).getTime()) / 86_400_000) + 1;
  if (days === 7 && weekdayIndex(roster.from) === 0) return weekPeriod(roster.from);
  if (roster.from === firstOfMonth(roster.from) && days === daysInMonth(roster.from)) return monthPeriod(roster.from);
  return { kind: days >= 28 ? 'month' : 'week', from: roster.from, days };
}

/** ISO week number, as Chinese offices count weeks ("第48周"). */
export function isoWeek(date: string): number {
  const thursday = utc(addDays(mondayOf(date), 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

export function datesOf(period: { from: string; days: number }): string[] {
  return Array.from({ length: period.days }, (_, index) => addDays(period.from, index));
}
