/**
 * What the calendar says about a working day that moves demand: its weekday, whether it is a
 * make-up day, one of the month's last working days, near the monthly tax deadline, or just before
 * or after a long break. Shared by the synthetic generator (the truth) and the forecast (which
 * estimates how much each of these matters from history).
 */
import type { CalendarDay, DayKind } from '../calendar/china-calendar.ts';
import { datesBetween, isWeekend, isWorkingKind } from '../calendar/china-calendar.ts';

export interface DayFeatures {
  date: string;
  working: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  makeup: boolean;
  /** One of the last 3 working days of its month. */
  monthEnd: boolean;
  /** Within 2 working days of the tax deadline: the first working day on or after the 15th. */
  taxWindow: boolean;
  /** One of the 2 working days before a break of 3 or more days off in a row. */
  beforeLongBreak: boolean;
  /** One of the 2 working days after such a break. */
  afterLongBreak: boolean;
}

export const MONTH_END_WORKING_DAYS = 3;
export const TAX_DEADLINE_DAY = 15;
export const TAX_WINDOW_WORKING_DAYS = 2;
/** A plain weekend is 2 days off; only a holiday makes 3 or more. */
export const LONG_BREAK_DAYS = 3;
export const LONG_BREAK_NEIGHBOUR_DAYS = 2;

/**
 * Whole months on either side, so month-ends, tax windows and breaks at the edges of `dates` are
 * seen whole.
 */
const MARGIN_DAYS = 40;

/**
 * Features of each of `dates`. Days missing from `calendar` count as a plain week (Monday–Friday):
 * the margin around the asked dates needs some kind, and the caller is the one who knows the
 * notices, so it should pass the calendar for every date it asks about.
 */
export function dayFeatures(calendar: CalendarDay[], dates: string[]): DayFeatures[] {
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  const span = datesBetween(addDays(sorted[0]!, -MARGIN_DAYS), addDays(sorted[sorted.length - 1]!, MARGIN_DAYS));
  const kinds = new Map(calendar.map((day) => [day.date, day.kind]));
  const all = span.map((date) => plainFeatures(date, kinds.get(date) ?? plainKind(date)));
  const workingIndex = all.flatMap((day, index) => (day.working ? [index] : []));
  markMonthEnds(all, workingIndex);
  markTaxWindows(all, workingIndex);
  markLongBreakNeighbours(all, workingIndex);
  const byDate = new Map(all.map((day) => [day.date, day]));
  return dates.map((date) => byDate.get(date)!);
}

export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function plainKind(date: string): DayKind {
  return isWeekend(date) ? 'weekend' : 'workday';
}

function plainFeatures(date: string, kind: DayKind): DayFeatures {
  return {
    date,
    working: isWorkingKind(kind),
    weekday: weekdayOf(date),
    makeup: kind === 'makeup',
    monthEnd: false,
    taxWindow: false,
    beforeLongBreak: false,
    afterLongBreak: false,
  };
}

/** Working-day positions grouped by month, in order. */
function workingByMonth(all: DayFeatures[], workingIndex: number[]): number[][] {
  const months = new Map<string, number[]>();
  for (const index of workingIndex) {
    const month = all[index]!.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(index);
    else months.set(month, [index]);
  }
  return [...months.values()];
}

function markMonthEnds(all: DayFeatures[], workingIndex: number[]): void {
  for (const month of workingByMonth(all, workingIndex)) {
    for (const index of month.slice(-MONTH_END_WORKING_DAYS)) all[index]!.monthEnd = true;
  }
}

/** The deadline moves to the next working day when the 15th is a day off, as the tax office does. */
function markTaxWindows(all: DayFeatures[], workingIndex: number[]): void {
  for (const month of workingByMonth(all, workingIndex)) {
    const deadline = month.findIndex((index) => Number(all[index]!.date.slice(8)) >= TAX_DEADLINE_DAY);
    if (deadline < 0) continue;
    const from = Math.max(0, deadline - TAX_WINDOW_WORKING_DAYS);
    for (const index of month.slice(from, deadline + TAX_WINDOW_WORKING_DAYS + 1)) all[index]!.taxWindow = true;
  }
}

/** A long break is a gap of 3+ calendar days between consecutive working days. */
function markLongBreakNeighbours(all: DayFeatures[], workingIndex: number[]): void {
  for (let k = 1; k < workingIndex.length; k += 1) {
    const daysOff = workingIndex[k]! - workingIndex[k - 1]! - 1;
    if (daysOff < LONG_BREAK_DAYS) continue;
    for (let j = 1; j <= LONG_BREAK_NEIGHBOUR_DAYS; j += 1) {
      const before = workingIndex[k - j];
      const after = workingIndex[k - 1 + j];
      if (before !== undefined) all[before]!.beforeLongBreak = true;
      if (after !== undefined) all[after]!.afterLongBreak = true;
    }
  }
}
