/**
 * Dates and half-hours as the demand area counts them.
 */
import type { Queryable } from '../../../data/connection.ts';
import { listOpeningHours } from '../../../data/repositories/calendar.ts';

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, inclusive. */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The half-hour a minute of the day falls in: 0 = 00:00–00:30 … 47. */
export function slotOfMinute(minute: number): number {
  return Math.floor(minute / 30);
}

/** The half-hours wholly inside the opening hours: 08:30–17:30 → 17..34. */
export function slotsBetween(opensAt: number, closesAt: number): number[] {
  const slots: number[] = [];
  for (let slot = Math.ceil(opensAt / 30); (slot + 1) * 30 <= closesAt; slot += 1) slots.push(slot);
  return slots;
}

/**
 * The hall's open half-hours, from the weekday opening hours (make-up days keep weekday hours in
 * the demo and in every hall in the seeds). 08:30–17:30 when nothing is set.
 */
export async function openSlotsOf(db: Queryable): Promise<number[]> {
  const weekday = (await listOpeningHours(db)).find((hours) => hours.dayKind === 'weekday');
  if (!weekday || !weekday.isOpen) return slotsBetween(510, 1050);
  return slotsBetween(weekday.opensAt, weekday.closesAt);
}
