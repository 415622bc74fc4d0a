/**
 * 调休 is spent from the time account (调休余额): a request beyond the balance on its first day is
 * refused, saying the balance. The balance: rest-day minutes banked by then and not expired, less
 * every 调休 already approved or still pending (promised first, whenever it falls).
 */
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listCalendarYears } from '../../../data/repositories/calendar.ts';
import { listLeave } from '../../../data/repositories/leave.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import { DEFAULT_HOURS_RULES } from '../../../solver/pay/hours.ts';
import { balanceOn, personTimeAccount, type Spend } from '../../../solver/pay/time-account.ts';
import { reconcileRange } from '../attendance/service.ts';
import { approvedWorkDays } from '../reports/hours.ts';
import { rosterLieuBetween } from '../reports/roster-lieu.ts';
import { monthsAround, readTimeAccountPolicy } from '../reports/time-account.ts';

/** Comprehensive contracts average their hours instead of banking them: nothing to check. */
export async function assertLieuBalance(db: Queryable, person: StaffRecord, request: { from: string; days: number; id?: number }, today: string): Promise<void> {
  if (person.contractType !== 'standard') return;
  const balance = await lieuBalanceOn(db, person, request.from, today, request.id);
  const asked = request.days * DEFAULT_HOURS_RULES.standardDayMinutes;
  if (asked <= balance) return;
  const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  throw new AppFailure(
    'conflict',
    `${person.name} 在 ${request.from} 的调休余额为 ${hours(balance)} 小时，不足本次申请的 ${hours(asked)} 小时。 / ${person.name} has ${hours(balance)} h of time off in lieu on ${request.from}; this request takes ${hours(asked)} h.`,
  );
}

/** Minutes a new 调休 on `date` may spend; `except` is the request being decided, not yet counted against itself. */
export async function lieuBalanceOn(db: Queryable, person: StaffRecord, date: string, today: string, except?: number): Promise<number> {
  const policy = await readTimeAccountPolicy(db);
  const month = date.slice(0, 7);
  const months = monthsAround(month, policy).filter((key) => key <= month);
  // Days of a year whose calendar is not confirmed hold nothing anyone could have earned on record.
  const confirmed = new Set((await listCalendarYears(db)).filter((row) => row.confirmedAt !== null).map((row) => row.year));
  let from = isoMonday(`${months[0]!}-01`);
  while (!confirmed.has(Number(from.slice(0, 4))) && from.slice(0, 4) < date.slice(0, 4)) from = `${Number(from.slice(0, 4)) + 1}-01-01`;
  if (from < person.hireDate) from = person.hireDate;
  const range = await reconcileRange(db, { from, to: date, today, staffId: person.id });
  const result = range.results[0];
  if (!result) return 0;
  const days = (await approvedWorkDays(db, range))[0]!;
  // The days read end on `date` and carry no leave from today on: 调休 approved from today, and
  // pending requests, are added as spends.
  // The roster's planned give-backs are settled by the roster: never a balance a 调休 may spend.
  const rosterLieu = (await rosterLieuBetween(db, from, date)).get(person.id);
  const account = personTimeAccount({ staffId: person.id, months, days, rosterLieu }, DEFAULT_HOURS_RULES, policy, date);
  const later = (await listLeave(db, { from, to: '9999-12-31', statuses: ['approved', 'pending'], staffId: person.id }))
    .filter((leave) => leave.id !== except && leave.type === 'compensatory' && (leave.status === 'pending' || leave.from >= today || leave.from > date));
  const spends: Spend[] = [
    ...account.lots.flatMap((lot) => lot.spent.map((spend) => ({ ...spend }))),
    ...later.map((leave): Spend => ({ date: leave.from, minutes: leave.days * DEFAULT_HOURS_RULES.standardDayMinutes, source: 'compensatory_leave' })),
  ];
  return balanceOn(account.lots.map(({ date: earned, minutes, tier }) => ({ date: earned, minutes, tier })), spends, policy, date);
}

function isoMonday(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
}
