/**
 * The working calendar as the rest of the backend sees it: the app's own table, filled on first
 * start from the notices that ship with the app, corrected by an admin, confirmed year by year.
 */
import { AppFailure } from '../contract/errors.ts';
import type { Queryable } from '../../data/connection.ts';
import type { CalendarYear } from '../contract/areas/calendar.ts';
import {
  getCalendarYear,
  listCalendarDays,
  listCalendarYears,
  putCalendarDay,
  putCalendarYear,
  type CalendarDayRecord,
} from '../../data/repositories/calendar.ts';
import { buildYear, plainYear, type CalendarDay, type HolidayNotice } from '../../solver/calendar/china-calendar.ts';
import { BUILT_IN_NOTICES } from '../../solver/calendar/notices.ts';
import { provisionalNotice } from '../../solver/calendar/provisional.ts';

/** Shown wherever a plan rests on a provisional year (the same words on screen and on paper). */
export const PROVISIONAL_LABEL = '节假日安排待国务院通知确认 / Holiday arrangements await the State Council notice';

/** Writes the built-in notices for years the table has never seen; never touches an entered year. */
export async function ensureBuiltInCalendar(db: Queryable, now: string): Promise<void> {
  const known = new Set((await listCalendarYears(db)).map((year) => year.year));
  for (const notice of BUILT_IN_NOTICES.filter((candidate) => !known.has(candidate.year))) {
    await writeNotice(db, notice, { at: now, by: 'built-in', source: 'built-in' });
  }
}

/** A notice's every day goes into the table, and the year is confirmed. */
export async function writeNotice(db: Queryable, notice: HolidayNotice, stamp: { at: string; by: string; source: string }): Promise<void> {
  for (const day of buildYear(notice)) await putCalendarDay(db, { ...day, correctedBy: null, correctedAt: null });
  await putCalendarYear(db, { year: notice.year, confirmedAt: stamp.at, confirmedBy: stamp.by, source: stamp.source });
}

export interface CalendarRange {
  days: Map<string, CalendarDay>;
  /** Years in the range that nobody has confirmed: their days are plain Monday–Friday guesses. */
  unconfirmedYears: number[];
}

/** Every day from `from` to `to`; days of unconfirmed years are filled as plain weeks. */
export async function loadCalendar(db: Queryable, from: string, to: string): Promise<CalendarRange> {
  const confirmed = new Set((await listCalendarYears(db)).filter((year) => year.confirmedAt !== null).map((year) => year.year));
  const stored = new Map((await listCalendarDays(db, from, to)).map((day) => [day.date, day]));
  const days = new Map<string, CalendarDay>();
  const unconfirmed = new Set<number>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    if (!confirmed.has(year)) unconfirmed.add(year);
    for (const day of plainYear(year)) {
      if (day.date < from || day.date > to) continue;
      const own = confirmed.has(year) ? stored.get(day.date) : undefined;
      days.set(day.date, own ? { date: own.date, kind: own.kind, holidayName: own.holidayName } : day);
    }
  }
  return { days, unconfirmedYears: [...unconfirmed] };
}

/**
 * Rostering, leave counting and attendance need the real calendar: a year without a confirmed
 * notice is refused, saying what to do, rather than treated as plain Monday–Friday.
 */
export async function requireConfirmedCalendar(db: Queryable, from: string, to: string): Promise<Map<string, CalendarDay>> {
  const range = await loadCalendar(db, from, to);
  if (range.unconfirmedYears.length > 0) throw unconfirmedFailure(range.unconfirmedYears);
  return range.days;
}

export interface PlanningCalendar {
  days: Map<string, CalendarDay>;
  /**
   * Years of the range whose notice is not confirmed, planned on the statutory days of the law
   * alone (solver/calendar/provisional.ts): no 调休 assumed. Whatever is built on them says so.
   */
  provisionalYears: number[];
}

/**
 * Rostering, the forecast and the staffing what-if plan ahead into a year whose notice may not be
 * out: a confirmed year is taken as entered, an unconfirmed one as its provisional year (the 13
 * statutory days, weekends, nothing moved). A year the lunar table does not reach is refused as
 * before, saying what to do.
 */
export async function requirePlanningCalendar(db: Queryable, from: string, to: string): Promise<PlanningCalendar> {
  const { unknownYears, ...planning } = await loadPlanningCalendar(db, from, to);
  if (unknownYears.length > 0) throw unconfirmedFailure(unknownYears);
  return planning;
}

/** As `requirePlanningCalendar`, but a year past the lunar table stays a plain week (listed in `unknownYears`). */
export async function loadPlanningCalendar(db: Queryable, from: string, to: string): Promise<PlanningCalendar & { unknownYears: number[] }> {
  const range = await loadCalendar(db, from, to);
  const days = new Map(range.days);
  const provisionalYears: number[] = [];
  const unknownYears: number[] = [];
  for (const year of [...range.unconfirmedYears].sort((a, b) => a - b)) {
    const notice = provisionalNotice(year);
    if (!notice) {
      unknownYears.push(year);
      continue;
    }
    provisionalYears.push(year);
    for (const day of buildYear(notice)) if (days.has(day.date)) days.set(day.date, day);
  }
  return { days, provisionalYears, unknownYears };
}

function unconfirmedFailure(unconfirmedYears: readonly number[]): AppFailure {
  const years = unconfirmedYears.join('、');
  return new AppFailure(
    'conflict',
    `${years} 年的节假日安排尚未录入确认：请在「请假考勤 → 工作日历」中录入国务院办公厅当年的放假通知并确认后再试。` +
      ` / The holiday notice for ${years} has not been entered and confirmed: enter it under Leave & attendance → Working calendar, then try again.`,
  );
}

/**
 * One year as the calendar screen shows it: the table's days if confirmed; if not, its provisional
 * days (statutory days of the law, nothing moved), or the plain week past the lunar table.
 */
export async function calendarYearView(db: Queryable, year: number): Promise<CalendarYear> {
  const record = await getCalendarYear(db, year);
  const confirmed = record !== undefined && record.confirmedAt !== null;
  const stored = confirmed ? new Map((await listCalendarDays(db, `${year}-01-01`, `${year}-12-31`)).map((day) => [day.date, day])) : new Map<string, CalendarDayRecord>();
  const provisional = confirmed ? null : provisionalNotice(year);
  const unconfirmedDays = provisional ? buildYear(provisional) : plainYear(year);
  return {
    year,
    confirmed,
    provisional: provisional !== null,
    confirmedAt: record?.confirmedAt ?? null,
    confirmedBy: record?.confirmedBy ?? null,
    source: record?.source ?? null,
    days: unconfirmedDays.map((plain) => {
      const own = stored.get(plain.date);
      return own
        ? { date: own.date, kind: own.kind, holidayName: own.holidayName, corrected: own.correctedAt !== null }
        : { ...plain, corrected: false };
    }),
  };
}
