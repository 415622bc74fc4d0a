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

/** Published rosters sharing a day and a zone with `scope`, other than `exceptId`. */
export async function listOverlappingPublished(db: Queryable, scope: RosterScope, exceptId: number | null = null): Promise<RosterRecord[]> {
  const rows = await db.all<RosterRow>(
    `SELECT ${ROSTER_COLUMNS} FROM rosters r
     WHERE status = 'published' AND to_date >= ? AND from_date <= ? AND id IS NOT ?
       AND EXISTS (SELECT 1 FROM json_each(r.zone_ids) mine JOIN json_each(?) theirs ON mine.value = theirs.value)
     ORDER BY from_date, id`,
    [scope.from, scope.to, exceptId, JSON.stringify(scope.zoneIds)],
  );
  return rows.map(fromRow);
}

/**
 * Publishes a draft and supersedes every published roster it overlaps; returns their ids. Run it
 * inside a transaction: the hall must never see two published rosters for one day and zone.
 */
export async function publishRoster(db: Queryable, id: number, at: string): Promise<number[]> {
  const draft = await getRoster(db, id);
  if (!draft || draft.status !== 'draft') return [];
  const replaced = await listOverlappingPublished(db, draft, id);
  for (const old of replaced) {
    await db.run("UPDATE rosters SET status = 'superseded', superseded_by = ? WHERE id = ? AND status = 'published'", [id, old.id]);
  }
  await db.run("UPDATE rosters SET status = 'published', published_at = ? WHERE id = ? AND status = 'draft'", [at, id]);
  return replaced.map((old) => old.id);
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

/** Every duty on a published roster between two dates, inclusive. */
export async function listPublishedDuties(db: Queryable, from: string, to: string): Promise<PublishedDutyRecord[]> {
  const rows = await db.all<Omit<PublishedDutyRecord, 'zoneIds'> & { zoneIds: string }>(
    `SELECT a.roster_id AS rosterId, a.staff_id AS staffId, a.date, a.shift_code AS shiftCode, a.post_id AS postId, r.zone_ids AS zoneIds
     FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id
     WHERE r.status = 'published' AND a.date BETWEEN ? AND ?
     ORDER BY a.date, a.staff_id`,
    [from, to],
  );
  return rows.map((row) => ({ ...row, zoneIds: JSON.parse(row.zoneIds) as number[] }));
}

/** What a published roster covers: its days and the zones it staffs. */
export interface PublishedCoverageRecord {
  rosterId: number;
  from: string;
  to: string;
  zoneIds: number[];
}

/** Published rosters sharing a day with [from, to], earliest first. */
export async function listPublishedCoverage(db: Queryable, from: string, to: string): Promise<PublishedCoverageRecord[]> {
  const rows = await db.all<Omit<PublishedCoverageRecord, 'zoneIds'> & { zoneIds: string }>(
    `SELECT id AS rosterId, from_date AS "from", to_date AS "to", zone_ids AS zoneIds FROM rosters
     WHERE status = 'published' AND to_date >= ? AND from_date <= ?
     ORDER BY from_date, id`,
    [from, to],
  );
  return rows.map((row) => ({ ...row, zoneIds: JSON.parse(row.zoneIds) as number[] }));
}
