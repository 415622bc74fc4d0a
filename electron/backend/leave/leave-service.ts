/**
 * Leave as the handlers need it: what a request would take (days, balance, cover), and the
 * records turned into the contract's shapes. Pure rules live in solver/leave/.
 */
import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure, fieldFailure } from '../../contract/errors.ts';
import type { LeaveBalance, LeaveCheck, LeaveConflicts, LeaveRequest } from '../../contract/areas/leave.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listLeave, type LeaveRecord } from '../../../data/repositories/leave.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import { datesBetween } from '../../../solver/calendar/china-calendar.ts';
import { annualEntitlement } from '../../../solver/leave/entitlement.ts';
import { leaveDays, requestsOverlap, workingDaysIn } from '../../../solver/leave/days.ts';
import { leaveConflicts } from '../../../solver/leave/conflicts.ts';
import { requireConfirmedCalendar } from '../calendar-service.ts';
import { benchInputOf, isEmployed, type HallSnapshot } from '../hall-snapshot.ts';

/** The A/B target leave is checked against: two people able to cover every skill a window needs. */
export const COVER_TARGET = 2;
/** One request covers at most a year: 产假 with its extensions stays well inside it. */
const MAX_SPAN_DAYS = 366;

export type LeaveShape = ChannelArgs<'leave/check'>;

export function toRequest(record: LeaveRecord, person: Pick<StaffRecord, 'employeeNo' | 'name'> | undefined): LeaveRequest {
  return { ...record, employeeNo: person?.employeeNo ?? '', name: person?.name ?? '' };
}

/** The person must exist and still be employed; the dates must make a request. */
export function assertRequestShape(hall: HallSnapshot, arg: LeaveShape): StaffRecord {
  const person = hall.staff.find((candidate) => candidate.id === arg.staffId);
  if (!person) throw new AppFailure('not_found', `No staff member with id ${arg.staffId}`);
  if (!isEmployed(person)) {
    throw new AppFailure('conflict', `${person.name}（${person.employeeNo}）已离职，不能请假。 / ${person.name} (${person.employeeNo}) has left and cannot take leave.`);
  }
  if (arg.to < arg.from) throw fieldFailure({ to: 'out_of_range' });
  if (arg.part !== 'full' && arg.from !== arg.to) throw fieldFailure({ part: 'invalid_value' });
  if (datesBetween(arg.from, arg.to).length > MAX_SPAN_DAYS) throw fieldFailure({ to: 'out_of_range' });
  // The balance is a calendar year's: annual leave across New Year is two requests.
  if (arg.type === 'annual' && arg.from.slice(0, 4) !== arg.to.slice(0, 4)) throw fieldFailure({ to: 'out_of_range' });
  if (arg.from < person.hireDate) throw fieldFailure({ from: 'before_hire' });
  return person;
}

/** Who is on approved leave on each day of [from, to], leaving `exceptId` (a request being judged) out. */
export async function awayByDate(db: Queryable, from: string, to: string, exceptId: number | null = null): Promise<Map<string, Set<number>>> {
  const away = new Map<string, Set<number>>();
  for (const leave of await listLeave(db, { from, to, statuses: ['approved'] })) {
    if (leave.id === exceptId) continue;
    // A half day counts as away for the whole day: cover is planned by the day, not the half.
    for (const date of datesBetween(leave.from > from ? leave.from : from, leave.to < to ? leave.to : to)) {
      const set = away.get(date) ?? new Set<number>();
      set.add(leave.staffId);
      away.set(date, set);
    }
  }
  return away;
}

/** Days, cover and balance of a would-be request. Refuses a year whose calendar is not confirmed. */
export async function checkLeave(db: Queryable, hall: HallSnapshot, arg: LeaveShape): Promise<LeaveCheck> {
  const person = assertRequestShape(hall, arg);
  const calendar = await requireConfirmedCalendar(db, arg.from, arg.to);
  const days = leaveDays(arg, calendar);
  const away = await awayByDate(db, arg.from, arg.to);
  const conflicts: LeaveConflicts = leaveConflicts({
    bench: benchInputOf(hall, COVER_TARGET, COVER_TARGET),
    requesterId: person.id,
    days: workingDaysIn(arg.from, arg.to, calendar).map((date) => ({ date, away: away.get(date) ?? new Set<number>() })),
  });
  const mine = await listLeave(db, { from: arg.from, to: arg.to, statuses: ['pending', 'approved'], staffId: person.id });
  const overlapping = mine.filter((other) => requestsOverlap(arg, other)).map((other) => toRequest(other, person));
  const balance = arg.type === 'annual' ? await balanceOf(db, person, Number(arg.from.slice(0, 4))) : null;
  return { days, conflicts, balance, overlapping };
}

/** Annual leave of one person for one year: entitlement, approved, pending and what is left. */
export async function balanceOf(db: Queryable, person: StaffRecord, year: number): Promise<LeaveBalance> {
  const annual = await annualLeaveOfYear(db, year, person.id);
  return balanceFrom(person, year, annual);
}

export async function balancesOf(db: Queryable, hall: HallSnapshot, year: number): Promise<LeaveBalance[]> {
  const annual = await annualLeaveOfYear(db, year);
  return hall.staff
    .filter((person) => isEmployed(person) && person.hireDate <= `${year}-12-31`)
    .map((person) => balanceFrom(person, year, annual.filter((leave) => leave.staffId === person.id)));
}

async function annualLeaveOfYear(db: Queryable, year: number, staffId?: number): Promise<LeaveRecord[]> {
  const all = await listLeave(db, { from: `${year}-01-01`, to: `${year}-12-31`, statuses: ['pending', 'approved'], staffId });
  return all.filter((leave) => leave.type === 'annual');
}

function balanceFrom(person: StaffRecord, year: number, annual: LeaveRecord[]): LeaveBalance {
  const entitlement = annualEntitlement({ workStartDate: person.workStartDate, hireDate: person.hireDate, year });
  const sum = (status: LeaveRecord['status']) => annual.filter((leave) => leave.status === status).reduce((total, leave) => total + leave.days, 0);
  const taken = sum('approved');
  const pending = sum('pending');
  return { staffId: person.id, year, entitlement, taken, pending, remaining: entitlement - taken - pending };
}

/** The conflicts in words, for the refusal a caller sees when they have not acknowledged them. */
export function describeConflicts(hall: HallSnapshot, conflicts: LeaveConflicts): string {
  const post = (id: number) => hall.posts.find((candidate) => candidate.id === id);
  const window = (id: number) => hall.windows.find((candidate) => candidate.id === id);
  const span = (dates: string[]) => (dates.length === 1 ? dates[0]! : `${dates[0]!}…${dates[dates.length - 1]!}（${dates.length}）`);
  const zh = [
    ...conflicts.skills.map((skill) => `岗位「${post(skill.postId)?.nameZh ?? skill.postId}」可顶岗人数降至 ${skill.qualifiedLeft}（目标 ${skill.target}）：${span(skill.dates)}`),
    ...conflicts.windows.map((w) => `窗口「${window(w.windowId)?.nameZh ?? w.windowId}」A/B 岗均不在岗：${span(w.dates)}`),
  ];
  const en = [
    ...conflicts.skills.map((skill) => `skill "${post(skill.postId)?.nameEn ?? skill.postId}" down to ${skill.qualifiedLeft} (target ${skill.target}) on ${span(skill.dates)}`),
    ...conflicts.windows.map((w) => `window "${window(w.windowId)?.nameEn ?? w.windowId}" has neither A nor B on ${span(w.dates)}`),
  ];
  return `该请假会使 A/B 顶岗不足，请确认后再提交：${zh.join('；')}。 / This leave leaves A/B cover short; confirm to submit: ${en.join('; ')}.`;
}
