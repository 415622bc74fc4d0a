import { format } from 'date-fns';

/** The backend never reads the system clock itself: hosts pass one in, tests pass a fixed one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(isoMoment: string): Clock {
  const moment = new Date(isoMoment);
  return { now: () => new Date(moment) };
}

/** The calendar day in the hall's local time, as `YYYY-MM-DD`. */
export function todayOf(clock: Clock): string {
  return format(clock.now(), 'yyyy-MM-dd');
}
