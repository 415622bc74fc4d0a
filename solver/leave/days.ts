/**
 * How many days a leave request takes. Pure: the request and the calendar's days in, a number out.
 */
import { datesBetween, isWorkingKind, type CalendarDay } from '../calendar/china-calendar.ts';

/** 年休假, 病假, 事假, 婚假, 产假, 调休/补休, 公假, 临时外出. */
export const LEAVE_TYPES = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
/** A whole day, or the morning or afternoon of a single day. */
export type LeavePart = 'full' | 'am' | 'pm';

/**
 * 产假 is counted in calendar days: the 98 days of 《女职工劳动保护特别规定》 art. 7 run through
 * weekends and holidays. Every other type counts working days only (statutory holidays and rest
 * days are not leave; a make-up working Saturday is).
 */
export function countsCalendarDays(type: LeaveType): boolean {
  return type === 'maternity';
}

/** The working days of [from, to] by the calendar given; a day missing from it is not counted. */
export function workingDaysIn(from: string, to: string, calendar: ReadonlyMap<string, CalendarDay>): string[] {
  return datesBetween(from, to).filter((date) => {
    const day = calendar.get(date);
    return day !== undefined && isWorkingKind(day.kind);
  });
}

/**
 * Days of leave a request takes: working days in [from, to], half a day for a morning or afternoon
 * of one working day, calendar days for 产假. A half day of a non-working day is 0.
 */
export function leaveDays(
  request: { type: LeaveType; from: string; to: string; part: LeavePart },
  calendar: ReadonlyMap<string, CalendarDay>,
): number {
  if (request.to < request.from) return 0;
  if (countsCalendarDays(request.type)) return datesBetween(request.from, request.to).length * (request.part === 'full' ? 1 : 0.5);
  const working = workingDaysIn(request.from, request.to, calendar).length;
  return request.part === 'full' ? working : working * 0.5;
}

/** Two requests of one person overlap when they share a day, unless they are opposite halves of it. */
export function requestsOverlap(
  a: { from: string; to: string; part: LeavePart },
  b: { from: string; to: string; part: LeavePart },
): boolean {
  if (a.to < b.from || b.to < a.from) return false;
  const oppositeHalves = a.part !== 'full' && b.part !== 'full' && a.part !== b.part;
  return !oppositeHalves;
}
