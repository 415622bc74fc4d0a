/**
 * The time account (调休余额) of one person: rest-day work that was not given back in its own week
 * or month is banked as hours, each lot with the date it was earned, its pay tier and an expiry the
 * vendor sets; 调休 leave taken later spends the oldest lot first, across months; what is left at expiry is paid out at the tier it was earned (or forfeited
 * where the contract says so). Pure: earnings and spends in, the ledger out.
 *
 * Pay follows the ledger (solver/pay/hours.ts `timeAccount`): a rest-day minute spent by a later
 * 调休 is paid at 100% in the month it was worked; one still in the account is paid nothing yet;
 * one expired is paid at its tier in the month it expired.
 */
import { personHours, type HoursRules, type RosterLieu, type WorkDayInput } from './hours.ts';
import { PAY_TIERS } from './tiers.ts';

/**
 * `roster_duty` and `roster_lieu` are the published roster's planned give-back (rule 14): the
 * rest-day duty earns, the shift off it planned spends the same minutes, whatever the expiry setting
 * (the roster gave it back in its week or the next, as the board shows).
 */
export type TimeAccountSource = 'rest_day_work' | 'compensatory_leave' | 'payout' | 'expiry' | 'roster_duty' | 'roster_lieu';

export interface TimeAccountPolicy {
  /**
   * When a lot expires: at the end of its quarter, or at the end of the `months`-th month counting
   * the month earned (1: the same month, the pay rules' own reading when nothing is banked).
   */
  expiry: 'quarter' | 'months';
  months: number;
  /** What happens to hours left at expiry: paid at the earned tier, or forfeited (合同约定). */
  onExpiry: 'payout' | 'forfeit';
}

/** Nothing carried past its month: rest-day work not given back in its month is paid at 200% in it. */
export const DEFAULT_TIME_ACCOUNT_POLICY: TimeAccountPolicy = { expiry: 'months', months: 1, onExpiry: 'payout' };

export interface Earning {
  date: string;
  minutes: number;
  /** Multiple of the hourly wage the minutes would have been paid at (200% for a rest day). */
  tier: number;
}

export interface Spend {
  date: string;
  minutes: number;
  source: 'compensatory_leave';
}

export interface Lot extends Earning {
  expiresOn: string;
  /** Where the lot's minutes went, in date order. */
  spent: { date: string; minutes: number; source: Spend['source'] }[];
  /** Minutes left when it expired (on or before `asOf`), else 0. */
  expiredMinutes: number;
  /** Still in the account on `asOf`. */
  remainingMinutes: number;
}

export interface LedgerEntry {
  date: string;
  source: TimeAccountSource;
  /** Positive earns, negative spends (payout and expiry take the remainder out). */
  minutes: number;
  /** The earning date of the lot the entry belongs to. */
  earnedOn: string;
  tier: number;
}

export interface TimeAccount {
  lots: Lot[];
  entries: LedgerEntry[];
  /** Minutes of spends no lot could pay for (a 调休 taken with nothing earned). */
  unfunded: Spend[];
  /** Minutes in the account on `asOf`. */
  balanceMinutes: number;
  /** The roster's planned give-backs, each settled on its shift off. */
  roster: RosterLieu[];
}

/** The day a lot earned on `date` expires: the last day it may still be spent. */
export function expiryOf(date: string, policy: TimeAccountPolicy): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const lastMonth = policy.expiry === 'quarter' ? Math.ceil(month / 3) * 3 : month + Math.max(1, Math.floor(policy.months)) - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0));
  return lastDay.toISOString().slice(0, 10);
}

/**
 * The account on `asOf`: lots in date order, spends in date order, each spend from the oldest lot
 * earned on or before it and not yet expired. Spends after `asOf` are still applied (approved leave
 * ahead is already promised), expiries only up to it.
 */
export function timeAccount(earnings: readonly Earning[], spends: readonly Spend[], policy: TimeAccountPolicy, asOf: string, roster: readonly RosterLieu[] = []): TimeAccount {
  const lots: Lot[] = [...earnings]
    .filter((earning) => earning.minutes > 0)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((earning) => ({ ...earning, expiresOn: expiryOf(earning.date, policy), spent: [], expiredMinutes: 0, remainingMinutes: earning.minutes }));
  const unfunded: Spend[] = [];
  for (const spend of [...spends].filter((item) => item.minutes > 0).sort((a, b) => a.date.localeCompare(b.date))) {
    let need = spend.minutes;
    for (const lot of lots) {
      if (need <= 0) break;
      if (lot.date > spend.date || lot.expiresOn < spend.date || lot.remainingMinutes <= 0) continue;
      const take = Math.min(need, lot.remainingMinutes);
      lot.remainingMinutes -= take;
      lot.spent.push({ date: spend.date, minutes: take, source: spend.source });
      need -= take;
    }
    if (need > 0) unfunded.push({ ...spend, minutes: need });
  }
  for (const lot of lots) {
    if (lot.expiresOn < asOf && lot.remainingMinutes > 0) {
      lot.expiredMinutes = lot.remainingMinutes;
      lot.remainingMinutes = 0;
    }
  }
  const entries = lots.flatMap((lot): LedgerEntry[] => [
    { date: lot.date, source: 'rest_day_work', minutes: lot.minutes, earnedOn: lot.date, tier: lot.tier },
    ...lot.spent.map((spend): LedgerEntry => ({ date: spend.date, source: spend.source, minutes: -spend.minutes, earnedOn: lot.date, tier: lot.tier })),
    ...(lot.expiredMinutes > 0 ? [{ date: lot.expiresOn, source: policy.onExpiry === 'payout' ? 'payout' as const : 'expiry' as const, minutes: -lot.expiredMinutes, earnedOn: lot.date, tier: lot.tier }] : []),
  ]).concat(roster.flatMap((pair): LedgerEntry[] => [
    { date: pair.earnedOn, source: 'roster_duty', minutes: pair.minutes, earnedOn: pair.earnedOn, tier: PAY_TIERS.restDay },
    { date: pair.spentOn, source: 'roster_lieu', minutes: -pair.minutes, earnedOn: pair.earnedOn, tier: PAY_TIERS.restDay },
  ])).sort((a, b) => a.date.localeCompare(b.date) || b.minutes - a.minutes);
  const balanceMinutes = lots.filter((lot) => lot.date <= asOf).reduce((total, lot) => total + lot.remainingMinutes, 0) + rosterHeld(roster, asOf);
  return { lots, entries, unfunded, balanceMinutes, roster: [...roster] };
}

/**
 * Minutes in the account on `date` for a new spend: lots earned by then and not expired, less every
 * spend already booked (whenever it falls, since it was promised first).
 */
export function balanceOn(earnings: readonly Earning[], spends: readonly Spend[], policy: TimeAccountPolicy, date: string): number {
  const account = timeAccount(earnings, spends, policy, date);
  return account.lots.filter((lot) => lot.date <= date && lot.expiresOn >= date).reduce((total, lot) => total + lot.remainingMinutes, 0);
}

/** What one month's pay reads of the account (solver/pay/hours.ts). */
export interface MonthTimeAccount {
  /** Rest-day date of the month → its minutes a 调休 the account booked spent: paid at 100%. */
  spentLater: Record<string, number>;
  /** Rest-day date of the month → its minutes still in the account (or forfeited): not paid now. */
  banked: Record<string, number>;
  /** Lots of earlier months expiring in this month with payout: paid now at their tier. */
  payouts: { earnedOn: string; minutes: number; tier: number }[];
}

/**
 * The month's view of the account. A lot expiring in its own month is left alone: the pay rules
 * already pay what is left of it at 200% on its day, which is the payout.
 */
export function monthTimeAccount(account: TimeAccount, month: string, policy: TimeAccountPolicy): MonthTimeAccount {
  const view: MonthTimeAccount = { spentLater: {}, banked: {}, payouts: [] };
  for (const lot of account.lots) {
    const sameMonth = lot.expiresOn.slice(0, 7) === lot.date.slice(0, 7);
    if (lot.date.startsWith(`${month}-`) && !sameMonth) {
      // A lot holds only what the month's own allocation left; whatever of it the account spent
      // (调休 of a later month, or approved for days of this month not yet over) is lieu.
      const spent = lot.spent.reduce((total, spend) => total + spend.minutes, 0);
      if (spent > 0) view.spentLater[lot.date] = spent;
      // Still in the account, or gone without pay: nothing to pay in the month worked.
      const held = lot.remainingMinutes + (policy.onExpiry === 'forfeit' ? lot.expiredMinutes : 0);
      if (held > 0) view.banked[lot.date] = held;
      // Expired with payout: paid in the month it expired (below), not on its day.
      if (policy.onExpiry === 'payout' && lot.expiredMinutes > 0) view.banked[lot.date] = (view.banked[lot.date] ?? 0) + lot.expiredMinutes;
    }
    if (!sameMonth && policy.onExpiry === 'payout' && lot.expiredMinutes > 0 && lot.expiresOn.startsWith(`${month}-`)) {
      view.payouts.push({ earnedOn: lot.date, minutes: lot.expiredMinutes, tier: lot.tier });
    }
  }
  return view;
}

/**
 * One standard-contract person's account over `months` (in order, 'YYYY-MM'), from their days:
 * each month's rest-day minutes its week and month left at 200% are earned, each month's 调休
 * leave its week and month did not use is spent; the published roster's planned give-backs
 * (`rosterLieu`) are entries too, paid at 100% by the pay rules' step 0 and so never banked twice.
 */
export function personTimeAccount(input: { staffId: number; months: readonly string[]; days: WorkDayInput[]; promised?: readonly Spend[]; rosterLieu?: readonly RosterLieu[] }, rules: HoursRules, policy: TimeAccountPolicy, asOf: string): TimeAccount {
  const earnings: Earning[] = [];
  // 调休 approved for days not over yet: the days read carry the plan, not the leave.
  const spends: Spend[] = [...(input.promised ?? [])];
  for (const month of input.months) {
    const hours = personHours({ staffId: input.staffId, contract: 'standard', month, days: input.days, rosterLieu: input.rosterLieu }, rules);
    for (const day of hours.days) if (day.overtime200 > 0) earnings.push({ date: day.date, minutes: day.overtime200, tier: PAY_TIERS.restDay });
    spends.push(...hours.unusedLeave.map((leave) => ({ ...leave, source: 'compensatory_leave' as const })));
  }
  // The roster's give-backs of the months read, each once: by the day the duty was worked.
  const roster = (input.rosterLieu ?? []).filter((pair) => input.months.includes(pair.earnedOn.slice(0, 7)));
  return timeAccount(earnings, spends, policy, asOf, roster);
}

/** Roster minutes earned by the end of `date` and not yet given back by then. */
export function rosterHeld(roster: readonly RosterLieu[], date: string): number {
  return roster.filter((pair) => pair.earnedOn <= date && pair.spentOn > date).reduce((total, pair) => total + pair.minutes, 0);
}

/** Minutes in the account at the end of `date`: lots earned by then and still alive the next day, less what was spent by then. */
export function balanceAt(account: TimeAccount, date: string): number {
  return rosterHeld(account.roster, date) + account.lots
    .filter((lot) => lot.date <= date && lot.expiresOn > date)
    .reduce((total, lot) => total + lot.minutes - lot.spent.filter((spend) => spend.date <= date).reduce((sum, spend) => sum + spend.minutes, 0), 0);
}
