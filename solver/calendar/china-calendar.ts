/**
 * The Chinese working calendar: weekends, the State Council's yearly holiday notice, and the days
 * it moves (调休). Pure: a notice in, a kind for every day of its year out.
 */

/** 工作日, 周末, 法定节假日 (300% pay), 节假日调休休息日, 调休上班日. */
export type DayKind = 'workday' | 'weekend' | 'statutory' | 'holiday_rest' | 'makeup';

export interface HolidaySpan {
  /** e.g. 春节 */
  name: string;
  /** First and last day off, inclusive. */
  from: string;
  to: string;
  /** The days within the span that are statutory holidays proper (300% overtime pay). */
  statutory: string[];
}

/** One year's State Council notice: the holiday spans and the weekend days worked instead. */
export interface HolidayNotice {
  year: number;
  holidays: HolidaySpan[];
  makeupDays: { date: string; name: string }[];
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  /** The holiday a day off or a make-up day belongs to. */
  holidayName: string | null;
}

export function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'makeup';
}

/** Every day of the notice's year, Monday–Friday working unless the notice says otherwise. */
export function buildYear(notice: HolidayNotice): CalendarDay[] {
  const special = new Map<string, CalendarDay>();
  for (const span of notice.holidays) {
    for (const date of datesBetween(span.from, span.to)) {
      special.set(date, { date, kind: span.statutory.includes(date) ? 'statutory' : 'holiday_rest', holidayName: span.name });
    }
  }
  for (const makeup of notice.makeupDays) special.set(makeup.date, { date: makeup.date, kind: 'makeup', holidayName: makeup.name });
  return datesBetween(`${notice.year}-01-01`, `${notice.year}-12-31`).map(
    (date) => special.get(date) ?? { date, kind: isWeekend(date) ? 'weekend' : 'workday', holidayName: null },
  );
}

/** The plain week, for a year no notice has been entered for: usable for display only. */
export function plainYear(year: number): CalendarDay[] {
  return buildYear({ year, holidays: [], makeupDays: [] });
}

/** Problems that make a notice unusable, as plain codes for the caller to word. */
export function noticeProblems(notice: HolidayNotice): string[] {
  const problems: string[] = [];
  notice.holidays.forEach((span, index) => {
    const other = notice.holidays.slice(0, index).find((earlier) => overlaps(earlier, span));
    if (other) problems.push(`span_overlap:${span.name}:${other.name}`);
  });
  for (const [index, makeup] of notice.makeupDays.entries()) {
    if (notice.makeupDays.slice(0, index).some((earlier) => earlier.date === makeup.date)) problems.push(`makeup_twice:${makeup.date}`);
  }
  const inYear = (date: string) => isIsoDate(date) && date.startsWith(`${notice.year}-`);
  for (const span of notice.holidays) {
    if (!inYear(span.from) || !inYear(span.to) || span.from > span.to) problems.push(`span:${span.name}`);
    for (const day of span.statutory) if (day < span.from || day > span.to) problems.push(`statutory_outside:${span.name}:${day}`);
  }
  for (const makeup of notice.makeupDays) {
    if (!inYear(makeup.date)) problems.push(`makeup_date:${makeup.date}`);
    else if (!isWeekend(makeup.date)) problems.push(`makeup_not_weekend:${makeup.date}`);
    if (notice.holidays.some((span) => makeup.date >= span.from && makeup.date <= span.to)) problems.push(`makeup_inside_holiday:${makeup.date}`);
  }
  return problems;
}

/** What a problem of a notice entry is, in the words of the contract's field problems. */
export type NoticeFieldProblem = 'out_of_range' | 'invalid_value';

/**
 * The same checks as `noticeProblems`, each pinned to the entry at fault by its path in the
 * notice (e.g. `holidays.1.to`), so a form can mark the field the admin has to fix.
 */
export function noticeFieldProblems(notice: HolidayNotice): Record<string, NoticeFieldProblem> {
  const fields: Record<string, NoticeFieldProblem> = {};
  const put = (path: string, problem: NoticeFieldProblem) => {
    fields[path] ??= problem;
  };
  const inYear = (date: string) => isIsoDate(date) && date.startsWith(`${notice.year}-`);
  notice.holidays.forEach((span, index) => {
    if (!inYear(span.from)) put(`holidays.${index}.from`, 'out_of_range');
    if (!inYear(span.to) || span.to < span.from) put(`holidays.${index}.to`, 'out_of_range');
    span.statutory.forEach((day, dayIndex) => {
      if (day < span.from || day > span.to) put(`holidays.${index}.statutory.${dayIndex}`, 'out_of_range');
    });
    if (notice.holidays.slice(0, index).some((earlier) => overlaps(earlier, span))) put(`holidays.${index}.from`, 'invalid_value');
  });
  notice.makeupDays.forEach((makeup, index) => {
    const path = `makeupDays.${index}.date`;
    if (!inYear(makeup.date)) put(path, 'out_of_range');
    // A make-up day moves a weekend day into the working week; on a weekday it would mean nothing.
    else if (!isWeekend(makeup.date)) put(path, 'invalid_value');
    if (notice.holidays.some((span) => makeup.date >= span.from && makeup.date <= span.to)) put(path, 'invalid_value');
    if (notice.makeupDays.slice(0, index).some((earlier) => earlier.date === makeup.date)) put(path, 'invalid_value');
  });
  return fields;
}

function overlaps(a: HolidaySpan, b: HolidaySpan): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}
