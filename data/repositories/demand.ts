/**
 * Business types, ticket counts, forecast overrides and service targets (migration 006).
 */
import type { Queryable } from '../connection.ts';

export interface BusinessTypeRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  zoneId: number;
  postId: number;
  active: boolean;
}

/** A business type with what its tickets say: volume and the measured handling time. */
export interface BusinessTypeVolume extends BusinessTypeRecord {
  arrivals: number;
  served: number;
  handleSeconds: number;
}

export interface TicketCountRow {
  date: string;
  businessTypeId: number;
  /** -1 = a whole day with no times. */
  slot: number;
  arrivals: number;
  served: number;
  handleSeconds: number;
  waitSeconds: number;
}

export interface OverrideRecord {
  zoneId: number;
  date: string;
  slot: number;
  arrivals: number;
  reason: string;
  actor: string;
  at: string;
}

export interface ServiceTargetRecord {
  zoneId: number;
  kind: 'avg_wait' | 'service_level';
  maxWaitMinutes: number;
  serviceLevelPercent: number;
  withinSeconds: number;
  fixedPosts: number;
}

const TYPE_COLUMNS = 'id, code, name_zh AS nameZh, name_en AS nameEn, zone_id AS zoneId, post_id AS postId, active';

export async function listBusinessTypes(db: Queryable): Promise<BusinessTypeRecord[]> {
  const rows = await db.all<Omit<BusinessTypeRecord, 'active'> & { active: number }>(`SELECT ${TYPE_COLUMNS} FROM business_types ORDER BY zone_id, id`);
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

/** Every business type with its ticket sums, over all history or from `from` on. */
export async function listBusinessTypeVolumes(db: Queryable, from = '0000-00-00'): Promise<BusinessTypeVolume[]> {
  const rows = await db.all<Omit<BusinessTypeVolume, 'active'> & { active: number }>(
    `SELECT b.id, b.code, b.name_zh AS nameZh, b.name_en AS nameEn, b.zone_id AS zoneId, b.post_id AS postId, b.active,
       coalesce(sum(t.arrivals), 0) AS arrivals, coalesce(sum(t.served), 0) AS served, coalesce(sum(t.handle_seconds), 0) AS handleSeconds
     FROM business_types b LEFT JOIN ticket_counts t ON t.business_type_id = b.id AND t.date >= ?
     GROUP BY b.id ORDER BY b.zone_id, b.id`,
    [from],
  );
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

export async function insertBusinessType(db: Queryable, type: Omit<BusinessTypeRecord, 'id'>): Promise<number> {
  const { lastId } = await db.run(
    'INSERT INTO business_types (code, name_zh, name_en, zone_id, post_id, active) VALUES (?, ?, ?, ?, ?, ?)',
    [type.code, type.nameZh, type.nameEn, type.zoneId, type.postId, type.active ? 1 : 0],
  );
  return lastId;
}

/** Rows per statement: the rows travel as one JSON text, so only its size bounds a batch. */
const INSERT_BATCH = 20_000;

/**
 * How a row meets a stored one: 'add' sums (tickets are events: a second file of the same day adds
 * its tickets), 'replace' overwrites (a daily count is the day's total as the hall reported it).
 */
export type CountMerge = 'add' | 'replace';

/**
 * Writes many counts, a batch per statement: the rows go in as one JSON array that SQLite unpacks
 * with json_each. Binding eight parameters per row cost three times as long for the demo's 15
 * months (about 95,000 rows), and the demo is written on every first start. The caller provides
 * the transaction.
 */
export async function writeTicketCounts(db: Queryable, counts: readonly TicketCountRow[], source: string, merge: CountMerge): Promise<number> {
  const update =
    merge === 'add'
      ? `arrivals = arrivals + excluded.arrivals, served = served + excluded.served,
         handle_seconds = handle_seconds + excluded.handle_seconds, wait_seconds = wait_seconds + excluded.wait_seconds, source = excluded.source`
      : `arrivals = excluded.arrivals, served = excluded.served, handle_seconds = excluded.handle_seconds,
         wait_seconds = excluded.wait_seconds, source = excluded.source`;
  let written = 0;
  for (let start = 0; start < counts.length; start += INSERT_BATCH) {
    const batch = counts.slice(start, start + INSERT_BATCH);
    const rows = JSON.stringify(batch.map((c) => [c.date, c.businessTypeId, c.slot, c.arrivals, c.served, c.handleSeconds, c.waitSeconds]));
    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
    const { changes } = await db.run(
      `INSERT INTO ticket_counts (date, business_type_id, slot, arrivals, served, handle_seconds, wait_seconds, source)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ? FROM json_each(?) WHERE true
       ON CONFLICT (date, business_type_id, slot) DO UPDATE SET ${update}`,
      [source, rows],
    );
    written += changes;
  }
  return written;
}

/** Stored (date, type, slot) keys between two dates, to tell a new count from a changed one. */
export async function storedCountKeys(db: Queryable, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db.all<{ date: string; businessTypeId: number; slot: number; arrivals: number }>(
    'SELECT date, business_type_id AS businessTypeId, slot, arrivals FROM ticket_counts WHERE date BETWEEN ? AND ?',
    [from, to],
  );
  return new Map(rows.map((row) => [countKey(row.date, row.businessTypeId, row.slot), row.arrivals]));
}

export function countKey(date: string, businessTypeId: number, slot: number): string {
  return `${date}|${businessTypeId}|${slot}`;
}

/** Arrivals per zone, day and slot (-1 for the whole-day counts), summed over the zone's business types. */
export function zoneSlotCounts(db: Queryable, from: string, to: string): Promise<{ zoneId: number; date: string; slot: number; arrivals: number }[]> {
  return db.all(
    `SELECT b.zone_id AS zoneId, t.date, t.slot, sum(t.arrivals) AS arrivals
     FROM ticket_counts t JOIN business_types b ON b.id = t.business_type_id
     WHERE t.date BETWEEN ? AND ?
     GROUP BY b.zone_id, t.date, t.slot ORDER BY b.zone_id, t.date, t.slot`,
    [from, to],
  );
}

export async function ticketDateRange(db: Queryable): Promise<{ first: string | null; last: string | null }> {
  const row = await db.get<{ first: string | null; last: string | null }>('SELECT min(date) AS first, max(date) AS last FROM ticket_counts');
  return row ?? { first: null, last: null };
}

export async function countTicketRows(db: Queryable): Promise<{ rows: number; arrivals: number }> {
  const row = await db.get<{ rows: number; arrivals: number | null }>('SELECT count(*) AS rows, sum(arrivals) AS arrivals FROM ticket_counts');
  return { rows: row?.rows ?? 0, arrivals: row?.arrivals ?? 0 };
}

export function listOverrides(db: Queryable, from: string, to: string): Promise<OverrideRecord[]> {
  return db.all<OverrideRecord>(
    'SELECT zone_id AS zoneId, date, slot, arrivals, reason, actor, at FROM demand_overrides WHERE date BETWEEN ? AND ? ORDER BY zone_id, date, slot',
    [from, to],
  );
}

export function getOverride(db: Queryable, zoneId: number, date: string, slot: number): Promise<OverrideRecord | undefined> {
  return db.get<OverrideRecord>(
    'SELECT zone_id AS zoneId, date, slot, arrivals, reason, actor, at FROM demand_overrides WHERE zone_id = ? AND date = ? AND slot = ?',
    [zoneId, date, slot],
  );
}

export async function putOverride(db: Queryable, override: OverrideRecord): Promise<void> {
  await db.run(
    `INSERT INTO demand_overrides (zone_id, date, slot, arrivals, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (zone_id, date, slot) DO UPDATE SET arrivals = excluded.arrivals, reason = excluded.reason, actor = excluded.actor, at = excluded.at`,
    [override.zoneId, override.date, override.slot, override.arrivals, override.reason, override.actor, override.at],
  );
}

export async function deleteOverride(db: Queryable, zoneId: number, date: string, slot: number): Promise<number> {
  const { changes } = await db.run('DELETE FROM demand_overrides WHERE zone_id = ? AND date = ? AND slot = ?', [zoneId, date, slot]);
  return changes;
}

export function listServiceTargets(db: Queryable): Promise<ServiceTargetRecord[]> {
  return db.all<ServiceTargetRecord>(
    `SELECT zone_id AS zoneId, kind, max_wait_minutes AS maxWaitMinutes, service_level_percent AS serviceLevelPercent,
       within_seconds AS withinSeconds, fixed_posts AS fixedPosts FROM service_targets ORDER BY zone_id`,
  );
}

export async function putServiceTarget(db: Queryable, target: ServiceTargetRecord): Promise<void> {
  await db.run(
    `INSERT INTO service_targets (zone_id, kind, max_wait_minutes, service_level_percent, within_seconds, fixed_posts) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (zone_id) DO UPDATE SET kind = excluded.kind, max_wait_minutes = excluded.max_wait_minutes,
       service_level_percent = excluded.service_level_percent, within_seconds = excluded.within_seconds, fixed_posts = excluded.fixed_posts`,
    [target.zoneId, target.kind, target.maxWaitMinutes, target.serviceLevelPercent, target.withinSeconds, target.fixedPosts],
  );
}
