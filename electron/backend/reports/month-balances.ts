/**
 * Each person's time account (调休余额) at the end of a month, for the attendance sheet: the hours
 * report's own balance, so the two sheets never disagree.
 */
import type { Queryable } from '../../../data/connection.ts';
import { rosterHeld } from '../../../solver/pay/time-account.ts';
import { monthBounds } from '../attendance/service.ts';
import { hoursOfMonths } from './hours.ts';
import { rosterLieuBetween } from './roster-lieu.ts';
import { accountSpan, readTimeAccountPolicy } from './time-account.ts';

export async function monthLieuBalances(db: Queryable, year: number, month: number, today: string): Promise<Map<number, number>> {
  if (accountSpan(await readTimeAccountPolicy(db)) > 1) {
    const hours = await hoursOfMonths(db, { year, months: [month], today });
    return new Map(hours.months[0]!.people.map((entry) => [entry.person.id, entry.balanceMinutes]));
  }
  // Nothing is carried into another month: only a roster give-back can be held past the month's end,
  // and reading it needs no month of hours.
  const { from, to } = monthBounds(year, month);
  const pairs = await rosterLieuBetween(db, from, to);
  return new Map([...pairs].map(([staffId, own]) => [staffId, rosterHeld(own, to)]));
}
