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
import { balanceAt, monthTimeAccount, personTimeAccount, rosterHeld, type Spend, type TimeAccount, type TimeAccountPolicy } from '../../../solver/pay/time-account.ts';
import { listLeave } from '../../../data/repositories/leave.ts';
import { datesBetween, isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { reconcileRange, type ReconciledRange } from '../attendance/service.ts';
import { approvedOvertimeIn } from '../attendance/overtime.ts';
import { overtimeKey } from '../../../solver/pay/overtime-approval.ts';
import { readCostSettings } from './cost-settings.ts';
import { rosterLieuBetween } from './roster-lieu.ts';
import { accountSpan, monthsAround, readTimeAccountPolicy } from './time-account.ts';

export interface MonthHours {
  month: number;
  /** The month's own calendar days, for proration. */
  days: CalendarDay[];
  people: { person: StaffRecord; hours: PersonHours; plannedMinutes: number; rosteredDays: number; balanceMinutes: number }[];
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
  const policy = await readTimeAccountPolicy(db);
  const keys = request.months.map((month) => monthKey(request.year, month));
  // The time account reaches the months whose lots or 调休 touch these (none under the default).
  const wanted = accountSpan(policy) > 1 ? [...new Set(keys.flatMap((key) => monthsAround(key, policy)))].sort() : keys;
  const window = await confirmedWindow(db, request.year, wanted, cycle);
  const accountMonths = wanted.filter((key) => monthSpan(key).from >= window.from && monthSpan(key).to <= window.to);
  const range = await reconcileRange(db, { ...window, today: request.today });
  const rules = { ...DEFAULT_HOURS_RULES, comprehensiveCycle: cycle, lieuCountsTowardMonthlyCap };
  const workDays = await approvedWorkDays(db, range);
  // Under the default nothing is carried into another month: no account to keep.
  const rosterLieu = await rosterLieuBetween(db, window.from, window.to);
  const promised = accountSpan(policy) > 1 ? await promisedLieu(db, range.pendingFrom, window.to, range.calendar) : new Map<number, Spend[]>();
  const accounts = range.people.map((person, at): TimeAccount | null =>
    person.contractType === 'standard' && accountSpan(policy) > 1 ? personTimeAccount({ staffId: person.id, months: accountMonths, days: workDays[at]!, promised: promised.get(person.id), rosterLieu: rosterLieu.get(person.id) }, rules, policy, request.today) : null);
  const months = request.months.map((month, index): MonthHours => {
    const span = monthSpan(keys[index]!);
    const people = range.people.flatMap((person, at) => {
      if (person.hireDate > span.to || (person.leftOn !== null && person.leftOn < span.from)) return [];
      const days = range.results[at]!.days;
      const account = accounts[at] ?? null;
      const hours = personHours({ staffId: person.id, contract: person.contractType, month: keys[index]!, days: workDays[at]!, timeAccount: accountView(account, keys[index]!, policy), rosterLieu: rosterLieu.get(person.id) }, rules);
      const inMonth = days.filter((day) => day.date >= span.from && day.date <= span.to);
      return [{
        person,
        hours,
        plannedMinutes: inMonth.filter((day) => day.status === 'pending').reduce((sum, day) => sum + day.scheduledMinutes, 0),
        rosteredDays: inMonth.filter((day) => day.rostered).length,
        // Without an account (nothing carried over) only the roster's give-backs can be held at a month's end.
        balanceMinutes: account ? balanceAt(account, span.to) : rosterHeld(rosterLieu.get(person.id) ?? [], span.to),
      }];
    });
    return { month, days: range.calendar.filter((day) => day.date >= span.from && day.date <= span.to), people };
  });
  return { year: request.year, cycle, pendingFrom: range.pendingFrom, months };
}

/** Approved 调休 on days not over yet, per person: spends the account owes already. */
export async function promisedLieu(db: Queryable, from: string, to: string, calendar: readonly CalendarDay[]): Promise<Map<number, Spend[]>> {
  const kinds = new Map(calendar.map((day) => [day.date, day.kind]));
  const promised = new Map<number, Spend[]>();
  for (const leave of await listLeave(db, { from, to, statuses: ['approved'] })) {
    if (leave.type !== 'compensatory') continue;
    const minutes = (leave.part === 'full' ? 1 : 0.5) * DEFAULT_HOURS_RULES.standardDayMinutes;
    for (const date of datesBetween(leave.from < from ? from : leave.from, leave.to > to ? to : leave.to)) {
      const kind = kinds.get(date);
      if (kind === undefined || !isWorkingKind(kind)) continue;
      promised.set(leave.staffId, [...(promised.get(leave.staffId) ?? []), { date, minutes, source: 'compensatory_leave' }]);
    }
  }
  return promised;
}

function accountView(account: TimeAccount | null, month: string, policy: TimeAccountPolicy) {
  return account ? monthTimeAccount(account, month, policy) : undefined;
}

/**
 * What the pay rules read of a reconciled day. Punch overtime counts only up to the minutes someone
 * approved (electron/backend/attendance/overtime.ts); the duties themselves were arranged by the roster.
 */
/**
 * Each reconciled person's days as the pay rules read them, with the overtime approved for each
 * day: only approved overtime is paid or banked (工资支付暂行规定 art. 13). One list per person of
 * the range, in its order.
 */
export async function approvedWorkDays(db: Queryable, range: ReconciledRange): Promise<WorkDayInput[][]> {
  const dates = range.calendar.map((day) => day.date);
  const approved = dates.length === 0 ? new Map<string, number>() : await approvedOvertimeIn(db, dates[0]!, dates.at(-1)!, range.people.length === 1 ? range.people[0]!.id : undefined);
  return range.people.map((person, at) => range.results[at]!.days.map((day, i) => workDayOf(day, range.calendar[i]!, approved.get(overtimeKey(person.id, day.date)) ?? 0)));
}

export function workDayOf(day: DayResult, calendar: CalendarDay, approvedOvertimeMinutes: number): WorkDayInput {
  const compensatoryLeave = day.leave.compensatory ?? 0;
  const otherLeave = Object.entries(day.leave).reduce((sum, [type, share]) => (type === 'compensatory' ? sum : sum + (share ?? 0)), 0);
  return {
    date: day.date,
    kind: calendar.kind,
    employed: day.status !== 'not_employed',
    // A day not over yet counts its plan: the roster's duties, or the default day.
    workedMinutes: day.status === 'pending' ? day.scheduledMinutes : day.attendedMinutes + Math.min(day.overtimeMinutes, approvedOvertimeMinutes),
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

function rowOf({ person, hours, plannedMinutes, rosteredDays, balanceMinutes }: MonthHours['people'][number]): HoursRow {
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
    bankedMinutes: hours.bankedMinutes,
    payoutMinutes: hours.payoutMinutes,
    balanceMinutes,
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
