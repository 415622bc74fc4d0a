/**
 * The time account (调休余额) as the reports and leave need it: the vendor's setting, the months a
 * month's account reads, and one person's balance on a date. The rules are solver/pay/time-account.ts.
 */
import type { Queryable } from '../../../data/connection.ts';
import { getSetting, putSetting } from '../../../data/repositories/settings.ts';
import { DEFAULT_TIME_ACCOUNT_POLICY, type TimeAccountPolicy } from '../../../solver/pay/time-account.ts';

export const TIME_ACCOUNT_KEYS = {
  expiry: 'timeAccount.expiry',
  months: 'timeAccount.months',
  onExpiry: 'timeAccount.onExpiry',
} as const;

/** The setting as stored; anything unreadable falls back to the default (nothing carried over). */
export async function readTimeAccountPolicy(db: Queryable): Promise<TimeAccountPolicy> {
  const expiry = await getSetting(db, TIME_ACCOUNT_KEYS.expiry);
  const months = Number(await getSetting(db, TIME_ACCOUNT_KEYS.months));
  const onExpiry = await getSetting(db, TIME_ACCOUNT_KEYS.onExpiry);
  return {
    expiry: expiry === 'quarter' ? 'quarter' : 'months',
    months: Number.isInteger(months) && months >= 1 && months <= 12 ? months : DEFAULT_TIME_ACCOUNT_POLICY.months,
    onExpiry: onExpiry === 'forfeit' ? 'forfeit' : 'payout',
  };
}

export async function writeTimeAccountPolicy(db: Queryable, policy: TimeAccountPolicy): Promise<void> {
  await putSetting(db, TIME_ACCOUNT_KEYS.expiry, policy.expiry);
  await putSetting(db, TIME_ACCOUNT_KEYS.months, String(policy.months));
  await putSetting(db, TIME_ACCOUNT_KEYS.onExpiry, policy.onExpiry);
}

/** How many months a lot can live, its own included: 1 means nothing is carried into another month. */
export function accountSpan(policy: TimeAccountPolicy): number {
  return policy.expiry === 'quarter' ? 3 : policy.months;
}

/** The months whose lots or spends can touch `month`'s pay: the span either side of it. */
export function monthsAround(month: string, policy: TimeAccountPolicy): string[] {
  const span = accountSpan(policy);
  const [year, number] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: 2 * span - 1 }, (_, i) => {
    const at = new Date(Date.UTC(year, number - 1 + i - (span - 1), 1));
    return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

