/**
 * The role table's row rules (CHANNEL_ACCESS[channel].rows) applied to a result: a lead keeps the
 * rows of their zones' people, a role named in `none` gets an empty list, redacted fields are left
 * out. Applied once, by the guard, to every answer, and by a channel that writes a file to the rows
 * it writes.
 */
import { CHANNEL_ACCESS, type RowRule } from '../../contract/access.ts';
import type { Channel } from '../../contract/channels.ts';
import type { Queryable } from '../../../data/connection.ts';
import type { AccountRecord } from '../../../data/repositories/accounts.ts';
import { listStaff } from '../../../data/repositories/staff.ts';

type Row = Record<string, unknown>;

/** Whether any rule of this channel changes what this account receives. */
export function shapesFor(channel: Channel, account: Pick<AccountRecord, 'role'> | null): boolean {
  if (!account) return false;
  return (CHANNEL_ACCESS[channel].rows ?? []).some((rule) => (account.role === 'lead' && rule.lead !== undefined) || rule.none?.includes(account.role) || (rule.redact?.[account.role]?.length ?? 0) > 0);
}

/** The result as this account may receive it: a copy where a rule applies, the value itself otherwise. */
export async function shapeRows<T>(db: Queryable, channel: Channel, account: Pick<AccountRecord, 'role' | 'zoneIds'> | null, value: T): Promise<T> {
  if (!account || !shapesFor(channel, account)) return value;
  const rules = CHANNEL_ACCESS[channel].rows ?? [];
  const homeZones = rules.some((rule) => rule.lead !== undefined) && account.role === 'lead' ? new Map((await listStaff(db)).map((person) => [person.id, person.homeZoneId])) : new Map<number, number>();
  let shaped: unknown = value;
  for (const rule of rules) shaped = applyAt(shaped, rule.at === '' ? [] : rule.at.split('.'), (rows) => applyRule(rule, account, homeZones, rows));
  return shaped as T;
}

function applyAt(value: unknown, path: readonly string[], apply: (rows: unknown) => unknown): unknown {
  if (path.length === 0) return apply(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (!(head in value)) return value;
  return { ...value, [head]: applyAt((value as Row)[head], rest, apply) };
}

function applyRule(rule: RowRule, account: Pick<AccountRecord, 'role' | 'zoneIds'>, homeZones: ReadonlyMap<number, number>, rows: unknown): unknown {
  if (rule.none?.includes(account.role)) return Array.isArray(rows) ? [] : null;
  const hidden = rule.redact?.[account.role] ?? [];
  const redact = (row: unknown): unknown => {
    if (hidden.length === 0 || typeof row !== 'object' || row === null) return row;
    const copy = { ...(row as Row) };
    for (const field of hidden) delete copy[field];
    return copy;
  };
  const visible = (row: unknown): boolean => {
    if (account.role !== 'lead' || rule.lead !== 'own-zones') return true;
    const zoneId = zoneOfRow(row as Row, homeZones);
    return zoneId !== undefined && account.zoneIds.includes(zoneId);
  };
  if (Array.isArray(rows)) return rows.filter(visible).map(redact);
  return visible(rows) ? redact(rows) : null;
}

/** A row's zone: its person's home zone, else its own `zoneId`; undefined when it names neither. */
function zoneOfRow(row: Row | null, homeZones: ReadonlyMap<number, number>): number | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  if (typeof row.staffId === 'number') return homeZones.get(row.staffId);
  return typeof row.zoneId === 'number' ? row.zoneId : undefined;
}
