import type { Queryable } from '../connection.ts';

export type RosterStatusRecord = 'draft' | 'published' | 'superseded';
export type RosterSourceRecord = 'solver' | 'import';

/** How the roster was made and what it achieves; solver fields are null for an imported roster. */
export interface RosterStatsRecord {
  engine: string | null;
  status: string | null;
  seconds: number | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  /** Missing staff-shifts against demand. */
  unmet: number;
  /** Share of staffed post-shifts that survive any single absence. */
  resilience: number;
}

export interface RosterGapRecord {
  date: string;
  shiftCode: string;
  postId: number;
  missing: number;
  reasonZh: string;
  reasonEn: string;
}

export interface RosterRecord {
  id: number;
  from: string;
  to: string;
  zoneIds: number[];
  status: RosterStatusRecord;
  source: RosterSourceRecord;
  createdAt: string;
  publishedAt: string | null;
  supersededBy: number | null;
  stats: RosterStatsRecord;
  gaps: RosterGapRecord[];
}

export interface RosterAssignmentRecord {
  staffId: number;
  date: string;
  shiftCode: string;
  postId: number;
  learner: boolean;
  /** The window sat at; null at a post without windows, for a learner, or on a roster made before seats were kept. */
  windowId?: number | null;
}

export interface NewRoster {
  from: string;
  to: string;
  zoneIds: readonly number[];
  source: RosterSourceRecord;
  createdAt: string;
  stats: RosterStatsRecord;
  gaps: readonly RosterGapRecord[];
  /** The scenario the roster answers, stored as JSON beside it. */
  scenario: unknown;
  assignments: readonly RosterAssignmentRecord[];
}

/** Dates and zones: two rosters overlap when they share a day and a zone. */
export interface RosterScope {
  from: string;
  to: string;
  zoneIds: readonly number[];
}

const ROSTER_COLUMNS = `id, from_date AS "from", to_date AS "to", zone_ids AS zoneIds, status, source,
  created_at AS createdAt, published_at AS publishedAt, superseded_by AS supersededBy, stats, gaps`;

type RosterRow = Omit<RosterRecord, 'zoneIds' | 'stats' | 'gaps'> & { zoneIds: string; stats: string; gaps: string };

function fromRow(row: RosterRow): RosterRecord {
  return {
    ...row,
    zoneIds: JSON.parse(row.zoneIds) as number[],
    stats: JSON.parse(row.stats) as RosterStatsRecord,
    gaps: JSON.parse(row.gaps) as RosterGapRecord[],
  };
}

/** Enough rows per statement to be quick, few enough to keep one JSON parameter small. */
const INSERT_BATCH = 2000;

/** Writes a draft and its assignments; run it inside a transaction so a roster is saved whole or not at all. */
export async function insertDraftRoster(db: Queryable, roster: NewRoster): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO rosters (from_date, to_date, zone_ids, status, source, created_at, stats, gaps, scenario)
     VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
    [
      roster.from,
      roster.to,
      JSON.stringify(roster.zoneIds),
      roster.source,
      roster.createdAt,
      JSON.stringify(roster.stats),
      JSON.stringify(roster.gaps),
      JSON.stringify(roster.scenario),
    ],
  );
  for (let start = 0; start < roster.assignments.length; start += INSERT_BATCH) {
    const rows = roster.assignments
      .slice(start, start + INSERT_BATCH)
      .map((a) => [a.staffId, a.date, a.shiftCode, a.postId, a.learner ? 1 : 0, a.windowId ?? null]);
    await db.run(
      `INSERT INTO roster_assignments (roster_id, staff_id, date, shift_code, post_id, learner, window_id)
       SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
      [lastId, JSON.stringify(rows)],
    );
  }
  return lastId;
}

/** Rosters sharing a day with [from, to] (either end open), newest period first. */
export async function listRosters(db: Queryable, range: { from?: string; to?: string }): Promise<RosterRecord[]> {
  const rows = await db.all<RosterRow>(
    `SELECT ${ROSTER_COLUMNS} FROM rosters WHERE to_date >= ? AND from_date <= ? ORDER BY from_date DESC, id DESC`,
    [range.from ?? '0000-01-01', range.to ?? '9999-12-31'],
  );
  return rows.map(fromRow);
}

export async function getRoster(db: Queryable, id: number): Promise<RosterRecord | undefined> {
  const row = await db.get<RosterRow>(`SELECT ${ROSTER_COLUMNS} FROM rosters WHERE id = ?`, [id]);
  return row && fromRow(row);
}

/**
 * Published rosters ending on or after `since`, each with the day kinds its scenario was built on
 * (the scenario's `calendar`, read in SQL so the whole scenario is not parsed); shape the caller's to check.
 */
export async function listPublishedRosterCalendars(db: Queryable, since: string): Promise<{ roster: RosterRecord; calendar: unknown }[]> {
  const rows = await db.all<RosterRow & { calendar: string | null }>(
    `SELECT ${ROSTER_COLUMNS}, json_extract(scenario, '$.calendar') AS calendar FROM rosters
     WHERE status = 'published' AND to_date >= ? ORDER BY from_date, id`,
    [since],
  );
  return rows.map((row) => ({ roster: fromRow(row), calendar: row.calendar === null ? [] : (JSON.parse(row.calendar) as unknown) }));
}

/** The scenario stored with a roster, parsed; its shape is the caller's to check. */
export async function getRosterScenario(db: Queryable, id: number): Promise<unknown> {
  const row = await db.get<{ scenario: string }>('SELECT scenario FROM rosters WHERE id = ?', [id]);
  return row ? (JSON.parse(row.scenario) as unknown) : undefined;
}

export async function listRosterAssignments(db: Queryable, rosterId: number): Promise<(RosterAssignmentRecord & { staffName: string; windowId: number | null })[]> {
  const rows = await db.all<Omit<RosterAssignmentRecord, 'learner' | 'windowId'> & { staffName: string; learner: number; windowId: number | null }>(
    `SELECT a.staff_id AS staffId, s.name AS staffName, a.date, a.shift_code AS shiftCode, a.post_id AS postId, a.learner, a.window_id AS windowId
     FROM roster_assignments a JOIN staff s ON s.id = a.staff_id
     WHERE a.roster_id = ? ORDER BY a.date, a.shift_code, a.post_id, s.employee_no`,
    [rosterId],
  );
  return rows.map((row) => ({ ...row, learner: row.learner === 1 }));
}

/** What publishing a draft takes from one published roster: the zones and days it replaces. */
export interface CoverReplacementRecord {
  roster: RosterRecord;
  zoneIds: number[];
  /** First and last replaced day. */
  from: string;
  to: string;
  /** Zone-days replaced, and whether none of the roster's zone-days would be left. */
  zoneDays: number;
  whole: boolean;
}

/** The published rosters that `scope` would replace in part or whole, other than `exceptId`. */
export async function listCoverReplaced(db: Queryable, scope: RosterScope, exceptId: number | null = null): Promise<CoverReplacementRecord[]> {
  const rows = await db.all<{ rosterId: number; zoneId: number; first: string; last: string; zoneDays: number; kept: number }>(
    `SELECT c.roster_id AS rosterId, c.zone_id AS zoneId, MIN(c.date) AS first, MAX(c.date) AS last, COUNT(*) AS zoneDays,
       (SELECT COUNT(*) FROM roster_cover k WHERE k.roster_id = c.roster_id) AS kept
     FROM roster_cover c
     WHERE c.date BETWEEN ? AND ? AND c.roster_id IS NOT ? AND c.zone_id IN (SELECT value FROM json_each(?))
     GROUP BY c.roster_id, c.zone_id ORDER BY c.roster_id, c.zone_id`,
    [scope.from, scope.to, exceptId, JSON.stringify(scope.zoneIds)],
  );
  const byRoster = new Map<number, typeof rows>();
  for (const row of rows) byRoster.set(row.rosterId, [...(byRoster.get(row.rosterId) ?? []), row]);
  const replaced: CoverReplacementRecord[] = [];
  for (const [rosterId, parts] of byRoster) {
    const roster = await getRoster(db, rosterId);
    if (!roster) continue;
    const zoneDays = parts.reduce((sum, part) => sum + part.zoneDays, 0);
    replaced.push({
      roster,
      zoneIds: parts.map((part) => part.zoneId),
      from: parts.map((part) => part.first).sort()[0]!,
      to: parts.map((part) => part.last).sort().at(-1)!,
      zoneDays,
      whole: zoneDays === parts[0]!.kept,
    });
  }
  return replaced;
}

/**
 * Publishes a draft over the zones and days it staffs. Published rosters lose those zone-days; one
 * left with none is superseded. Returns what was replaced. Run it inside a transaction: the hall
 * must never see two published rosters for one day and zone (roster_cover's key forbids it).
 */
export async function publishRoster(db: Queryable, id: number, at: string): Promise<CoverReplacementRecord[]> {
  const draft = await getRoster(db, id);
  if (!draft || draft.status !== 'draft') return [];
  const replaced = await listCoverReplaced(db, draft, id);
  const zones = JSON.stringify(draft.zoneIds);
  await db.run('DELETE FROM roster_cover WHERE date BETWEEN ? AND ? AND zone_id IN (SELECT value FROM json_each(?))', [draft.from, draft.to, zones]);
  await db.run(
    `WITH RECURSIVE days(date) AS (SELECT ? UNION ALL SELECT date(date, '+1 day') FROM days WHERE date < ?)
     INSERT INTO roster_cover (zone_id, date, roster_id) SELECT zone.value, days.date, ? FROM days, json_each(?) zone`,
    [draft.from, draft.to, id, zones],
  );
  for (const old of replaced.filter((part) => part.whole)) {
    await db.run("UPDATE rosters SET status = 'superseded', superseded_by = ? WHERE id = ? AND status = 'published'", [id, old.roster.id]);
  }
  await db.run("UPDATE rosters SET status = 'published', published_at = ? WHERE id = ? AND status = 'draft'", [at, id]);
  return replaced;
}

/** Deletes a draft with its assignments; a published or superseded roster is history and stays. */
export async function deleteDraftRoster(db: Queryable, id: number): Promise<boolean> {
  await db.run("DELETE FROM roster_assignments WHERE roster_id = ? AND roster_id IN (SELECT id FROM rosters WHERE status = 'draft')", [id]);
  const { changes } = await db.run("DELETE FROM rosters WHERE id = ? AND status = 'draft'", [id]);
  return changes > 0;
}

/** A duty someone holds on a published roster. */
export interface PublishedDutyRecord {
  rosterId: number;
  staffId: number;
  date: string;
  shiftCode: string;
  postId: number;
  zoneIds: number[];
}

/**
 * Every duty the hall follows between two dates, inclusive: on a published roster that still
 * covers the duty's zone that day (a post without a zone, or of a zone the roster does not staff,
 * goes with its roster's day).
 */
export async function listPublishedDuties(db: Queryable, from: string, to: string): Promise<PublishedDutyRecord[]> {
  const rows = await db.all<Omit<PublishedDutyRecord, 'zoneIds'> & { zoneIds: string }>(
    `SELECT a.roster_id AS rosterId, a.staff_id AS staffId, a.date, a.shift_code AS shiftCode, a.post_id AS postId, r.zone_ids AS zoneIds
     FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id JOIN posts p ON p.id = a.post_id
     WHERE r.status = 'published' AND a.date BETWEEN ? AND ?
       AND EXISTS (SELECT 1 FROM roster_cover c WHERE c.roster_id = a.roster_id AND c.date = a.date AND (c.zone_id = p.zone_id OR p.zone_id IS NULL OR p.zone_id NOT IN (SELECT value FROM json_each(r.zone_ids))))
     ORDER BY a.date, a.staff_id`,
    [from, to],
  );
  return rows.map((row) => ({ ...row, zoneIds: JSON.parse(row.zoneIds) as number[] }));
}

/** Which published roster the hall follows for a zone on a day. */
export interface CoverRecord {
  zoneId: number;
  date: string;
  rosterId: number;
}

/** The published cover between two dates, inclusive, by date and zone. */
export async function listPublishedCover(db: Queryable, from: string, to: string): Promise<CoverRecord[]> {
  return db.all<CoverRecord>(
    'SELECT zone_id AS zoneId, date, roster_id AS rosterId FROM roster_cover WHERE date BETWEEN ? AND ? ORDER BY date, zone_id',
    [from, to],
  );
}
