/**
 * Hours and overtime per person and month, from the roster and attendance: each day's minutes are
 * what the person was there for of their published duties (the default day where no roster
 * decides) plus the overtime their punches show past the end; a day not over yet counts the plan.
 * solver/pay/hours.ts splits them into regular, 150%, 200% and 300% and checks the caps.
 *
 * Several months reconcile in one pass (the cost of a year to date reads every month so far).
 */
import type { HoursCycle, HoursReport, HoursRow } from '../../contract/areas/reports.ts';
import type { Queryable } from '../../../data/connection.ts';
import { punchSummary } from '../../../data/repositories/attendance.ts';
import { listCalendarYears } from '../../../data/repositories/calendar.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import type { DayResult } from '../../../solver/attendance/reconcile.ts';
import { DEFAULT_HOURS_RULES, hoursWindow, monthSpan, personHours, type PersonHours, type WorkDayInput } from '../../../solver/pay/hours.ts';
import type { CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import { reconcileRange } from '../attendance/service.ts';
import { readCostSettings } from './cost-settings.ts';

export interface MonthHours {
  month: number;
  /** The month's own calendar days, for proration. */
  days: CalendarDay[];
  people: { person: StaffRecord; hours: PersonHours; plannedMinutes: number; rosteredDays: number }[];
}

export interface HoursOfMonths {
  year: number;
  cycle: HoursCycle;
  pendingFrom: string;
  months: MonthHours[];
}

/** Hours of `months` of `year`, each person employed at some point of the month. */
export async function hoursOfMonths(db: Queryable, request: { year: number; months: number[]; today: string }): Promise<HoursOfMonths> {
  const { comprehensiveCycle: cycle, lieuCountsTowardMonthlyCap } = await readCostSettings(db);
  const keys = request.months.map((month) => monthKey(request.year, month));
  const window = await confirmedWindow(db, request.year, keys, cycle);
  const range = await reconcileRange(db, { ...window, today: request.today });
  const rules = { ...DEFAULT_HOURS_RULES, comprehensiveCycle: cycle, lieuCountsTowardMonthlyCap };
  const months = request.months.map((month, index): MonthHours => {
    const span = monthSpan(keys[index]!);
    const people = range.people.flatMap((person, at) => {
      if (person.hireDate > span.to || (person.leftOn !== null && person.leftOn < span.from)) return [];
      const days = range.results[at]!.days;
      const hours = personHours({ staffId: person.id, contract: person.contractType, month: keys[index]!, days: days.map((day, i) => workDayOf(day, range.calendar[i]!)) }, rules);
      const inMonth = days.filter((day) => day.date >= span.from && day.date <= span.to);
      return [{
        person,
        hours,
        plannedMinutes: inMonth.filter((day) => day.status === 'pending').reduce((sum, day) => sum + day.scheduledMinutes, 0),
        rosteredDays: inMonth.filter((day) => day.rostered).length,
      }];
    });
    return { month, days: range.calendar.filter((day) => day.date >= span.from && day.date <= span.to), people };
  });
  return { year: request.year, cycle, pendingFrom: range.pendingFrom, months };
}

/** What the pay rules read of a reconciled day. */
export function workDayOf(day: DayResult, calendar: CalendarDay): WorkDayInput {
  const compensatoryLeave = day.leave.compensatory ?? 0;
  const otherLeave = Object.entries(day.leave).reduce((sum, [type, share]) => (type === 'compensatory' ? sum : sum + (share ?? 0)), 0);
  return {
    date: day.date,
    kind: calendar.kind,
    employed: day.status !== 'not_employed',
    // A day not over yet counts its plan: the roster's duties, or the default day.
    workedMinutes: day.status === 'pending' ? day.scheduledMinutes : day.attendedMinutes + day.overtimeMinutes,
    compensatoryLeave,
    otherLeave,
    absent: day.absent,
  };
}

export async function hoursReport(db: Queryable, at: { year: number; month: number; today: string }): Promise<HoursReport> {
  const result = await hoursOfMonths(db, { year: at.year, months: [at.month], today: at.today });
  const month = result.months[0]!;
  const punches = await punchSummary(db);
  const span = monthSpan(monthKey(at.year, at.month));
  return {
    year: at.year,
    month: at.month,
    comprehensiveCycle: result.cycle,
    pendingFrom: result.pendingFrom <= span.to ? (result.pendingFrom < span.from ? span.from : result.pendingFrom) : null,
    punches: { first: punches.first, last: punches.last },
    rows: month.people.map(rowOf),
  };
}

function rowOf({ person, hours, plannedMinutes, rosteredDays }: MonthHours['people'][number]): HoursRow {
  return {
    staffId: person.id,
    employeeNo: person.employeeNo,
    name: person.name,
    zoneId: person.homeZoneId,
    contract: person.contractType,
    workedMinutes: hours.workedMinutes,
    regularMinutes: hours.regularMinutes,
    overtime150Minutes: hours.overtime150Minutes,
    overtime200Minutes: hours.overtime200Minutes,
    overtime300Minutes: hours.overtime300Minutes,
    overtimeMinutes: hours.overtimeMinutes,
    lieuMinutes: hours.lieuMinutes,
    plannedMinutes,
    rosteredDays,
    cycles: hours.cycle ?? [],
    breaches: hours.breaches,
  };
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The days the months' rules read (whole weeks, whole cycles), kept inside confirmed calendar
 * years: a December week running into a January nobody has confirmed is read up to 31 December,
 * since those days are not over and their kinds would be guesses. The months' own year must be
 * confirmed; reconcileRange says so when it is not.
 */
async function confirmedWindow(db: Queryable, year: number, months: readonly string[], cycle: HoursCycle): Promise<{ from: string; to: string }> {
  const spans = months.flatMap((month) => [hoursWindow('standard', month, cycle), hoursWindow('comprehensive', month, cycle)]);
  let from = spans.reduce((min, span) => (span.from < min ? span.from : min), spans[0]!.from);
  let to = spans.reduce((max, span) => (span.to > max ? span.to : max), spans[0]!.to);
  const confirmed = new Set((await listCalendarYears(db)).filter((row) => row.confirmedAt !== null).map((row) => row.year));
  if (!confirmed.has(year - 1) && from < `${year}-01-01`) from = `${year}-01-01`;
  if (!confirmed.has(year + 1) && to > `${year}-12-31`) to = `${year}-12-31`;
  return { from, to };
}
