/**
 * One person's time account (调休余额) as the leave area shows it: every entry that reaches the
 * month (earned in it or in the months before whose lots may still live in it, spent in it or
 * later by 调休 already approved), each with its lot's earning date and expiry and the balance after
 * it. The same account the hours report and the 调休 check read (solver/pay/time-account.ts).
 */
import { AppFailure } from '../../contract/errors.ts';
import type { TimeAccountEntry, TimeAccountView } from '../../contract/areas/leave.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listCalendarYears } from '../../../data/repositories/calendar.ts';
import { getStaff } from '../../../data/repositories/staff.ts';
import { DEFAULT_HOURS_RULES, monthSpan } from '../../../solver/pay/hours.ts';
import { balanceAt, personTimeAccount, type TimeAccount } from '../../../solver/pay/time-account.ts';
import { reconcileRange } from '../attendance/service.ts';
import { approvedWorkDays, promisedLieu } from '../reports/hours.ts';
import { rosterLieuBetween } from '../reports/roster-lieu.ts';
import { monthsAround, readTimeAccountPolicy } from '../reports/time-account.ts';

export async function timeAccountView(db: Queryable, at: { staffId: number; year: number; month: number }, today: string): Promise<TimeAccountView> {
  const person = await getStaff(db, at.staffId);
  if (!person) throw new AppFailure('not_found', `没有编号为 ${at.staffId} 的人员。 / No staff member with id ${at.staffId}.`, { staffId: 'invalid_value' });
  const policy = await readTimeAccountPolicy(db);
  const key = `${at.year}-${String(at.month).padStart(2, '0')}`;
  const view = { staffId: person.id, employeeNo: person.employeeNo, name: person.name, year: at.year, month: at.month, contract: person.contractType, policy };
  if (person.contractType !== 'standard' || person.hireDate > monthSpan(key).to) return { ...view, balanceMinutes: 0, entries: [] };
  const months = monthsAround(key, policy).filter((month) => month <= key);
  const window = await readWindow(db, months, key, person.hireDate);
  const range = await reconcileRange(db, { ...window, today, staffId: person.id });
  const result = range.results[0];
  if (!result) return { ...view, balanceMinutes: 0, entries: [] };
  const days = (await approvedWorkDays(db, range))[0]!;
  const promised = window.to >= today ? (await promisedLieu(db, today, window.to, range.calendar)).get(person.id) : undefined;
  const rosterLieu = (await rosterLieuBetween(db, window.from, window.to)).get(person.id);
  const monthEnd = monthSpan(key).to;
  // A month over has had its last day's expiries (the hours the month itself pays at 200%, under
  // the default); the month under way only today's.
  const asOf = today <= monthEnd ? today : nextDay(monthEnd);
  const account = personTimeAccount({ staffId: person.id, months, days, promised, rosterLieu }, DEFAULT_HOURS_RULES, policy, asOf);
  return { ...view, balanceMinutes: balanceAt(account, monthEnd), entries: entriesOf(account) };
}

/** The ledger in date order with the balance after each entry; a roster pair is settled on its shift off. */
export function entriesOf(account: TimeAccount): TimeAccountEntry[] {
  const expiry = new Map(account.lots.map((lot) => [lot.date, lot.expiresOn]));
  // A roster pair has no expiry of its own: the shift off the roster planned settles it.
  const rosterExpiry = (entry: TimeAccount['entries'][number]) =>
    entry.source === 'roster_lieu' ? entry.date : (account.roster.find((pair) => pair.earnedOn === entry.earnedOn)?.spentOn ?? entry.date);
  let balance = 0;
  return account.entries.map((entry) => {
    balance += entry.minutes;
    const roster = entry.source === 'roster_duty' || entry.source === 'roster_lieu';
    return {
      date: entry.date,
      source: entry.source,
      minutes: entry.minutes,
      earnedOn: entry.earnedOn,
      expiresOn: roster ? rosterExpiry(entry) : (expiry.get(entry.earnedOn) ?? entry.date),
      balanceMinutes: balance,
    };
  });
}

/**
 * The days the months' rules read (whole ISO weeks), kept inside confirmed calendar years and from
 * the hire date: a week running into a year nobody has confirmed is read to 31 December.
 */
async function readWindow(db: Queryable, months: readonly string[], month: string, hireDate: string): Promise<{ from: string; to: string }> {
  const confirmed = new Set((await listCalendarYears(db)).filter((row) => row.confirmedAt !== null).map((row) => row.year));
  let from = isoMonday(`${months[0]!}-01`);
  while (!confirmed.has(Number(from.slice(0, 4))) && from.slice(0, 4) < month.slice(0, 4)) from = `${Number(from.slice(0, 4)) + 1}-01-01`;
  if (from < hireDate) from = hireDate;
  let to = isoSunday(monthSpan(month).to);
  if (to.slice(0, 4) > month.slice(0, 4) && !confirmed.has(Number(to.slice(0, 4)))) to = `${month.slice(0, 4)}-12-31`;
  return { from, to };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function isoMonday(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
}

function isoSunday(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + ((7 - at.getUTCDay()) % 7));
  return at.toISOString().slice(0, 10);
}
