/**
 * The roster board's records (migration 008): pins on cells, the log of changes, breaches accepted
 * with a written reason, and absences marked in the hall. Multi-row writes take the caller's
 * transaction: an edit writes its cells, its change row, its overrides and its absence together.
 */
import type { Queryable } from '../connection.ts';
import type { RosterGapRecord } from './roster.ts';

export type BoardChangeKindRecord = 'edit' | 'undo' | 'redo' | 'repair' | 'reoptimise';
export type AbsenceKindRecord = 'sick' | 'personal' | 'other';

/** One cell of a roster: a person's shift on a date. */
export interface CellRecord {
  staffId: number;
  date: string;
  shiftCode: string;
}

/** One cell's change, with the person's name kept so the log reads the same after they leave. */
export interface BoardMoveRecord extends CellRecord {
  staffName: string;
  fromPostId: number | null;
  toPostId: number | null;
  /** The window sat at before and after (null: none, a post without windows, or a log written before seats were kept). */
  fromWindowId: number | null;
  toWindowId: number | null;
  learner: boolean;
}

export interface NewBoardChange {
  rosterId: number;
  at: string;
  actor: string;
  kind: BoardChangeKindRecord;
  reason: string | null;
  overrideReason: string | null;
  afterPublication: boolean;
  moves: readonly BoardMoveRecord[];
}

export interface BoardChangeRecord extends NewBoardChange {
  id: number;
  moves: BoardMoveRecord[];
}

export interface NewOverride {
  breachKey: string;
  rule: string;
  message: string;
}

export interface OverrideRecord extends NewOverride {
  changeId: number;
  reason: string;
  at: string;
  actor: string;
}

export interface NewAbsence {
  staffId: number;
  date: string;
  /** null: the whole day. */
  shiftCode: string | null;
  kind: AbsenceKindRecord;
  note: string;
}

export interface AbsenceRecord {
  id: number;
  staffId: number;
  date: string;
  shiftCode: string | null;
  kind: AbsenceKindRecord;
  note: string;
  changeId: number | null;
  at: string;
  actor: string;
}

// ---- Cells and pins ------------------------------------------------------------------------------

/** One duty as stored: a person at a post on a shift of a date. */
export interface AssignmentRecord extends CellRecord {
  postId: number;
  learner: boolean;
  /** The window sat at (migration 011); null at a post without windows, for a learner, or on a roster made before seats were kept. */
  windowId: number | null;
}

/** Every duty of a roster in a fixed order (date, shift, post, person), so equal rosters read equal. */
export async function listAssignments(db: Queryable, rosterId: number): Promise<AssignmentRecord[]> {
  const rows = await db.all<Omit<AssignmentRecord, 'learner'> & { learner: number }>(
    `SELECT staff_id AS staffId, date, shift_code AS shiftCode, post_id AS postId, learner, window_id AS windowId
     FROM roster_assignments WHERE roster_id = ? ORDER BY date, shift_code, post_id, staff_id`,
    [rosterId],
  );
  return rows.map((row) => ({ ...row, learner: row.learner === 1 }));
}

/** The post each of these cells holds now (cells without a duty are left out), as "staffId|date|shift". */
export async function postsAtCells(db: Queryable, rosterId: number, cells: readonly CellRecord[]): Promise<Map<string, number>> {
  if (cells.length === 0) return new Map();
  const rows = await db.all<CellRecord & { postId: number }>(
    `SELECT a.staff_id AS staffId, a.date, a.shift_code AS shiftCode, a.post_id AS postId
     FROM roster_assignments a JOIN json_each(?) c
       ON c.value ->> 0 = a.staff_id AND c.value ->> 1 = a.date AND c.value ->> 2 = a.shift_code
     WHERE a.roster_id = ?`,
    [JSON.stringify(cells.map((cell) => [cell.staffId, cell.date, cell.shiftCode])), rosterId],
  );
  return new Map(rows.map((row) => [`${row.staffId}|${row.date}|${row.shiftCode}`, row.postId]));
}

export interface ZonedRecord {
  zoneId: number | null;
  nameZh: string;
  nameEn: string;
}

/** Whose zone is whose, for a lead's zone check: each person's home zone, each post's zone (null: none), with their names. */
export async function zonesOfPeopleAndPosts(db: Queryable): Promise<{ staff: Map<number, ZonedRecord>; posts: Map<number, ZonedRecord> }> {
  const staff = await db.all<ZonedRecord & { id: number }>('SELECT id, home_zone_id AS zoneId, name AS nameZh, name AS nameEn FROM staff');
  const posts = await db.all<ZonedRecord & { id: number }>('SELECT id, zone_id AS zoneId, name_zh AS nameZh, name_en AS nameEn FROM posts');
  return { staff: new Map(staff.map((row) => [row.id, row])), posts: new Map(posts.map((row) => [row.id, row])) };
}

export async function listPinnedCells(db: Queryable, rosterId: number): Promise<CellRecord[]> {
  return db.all<CellRecord>(
    'SELECT staff_id AS staffId, date, shift_code AS shiftCode FROM roster_assignments WHERE roster_id = ? AND pinned = 1',
    [rosterId],
  );
}

/** Sets `pinned` on the cells that hold a duty; returns how many cells hold one (pinned already or not). */
export async function setCellsPinned(db: Queryable, rosterId: number, cells: readonly CellRecord[], pinned: boolean): Promise<number> {
  const { changes } = await db.run(
    `UPDATE roster_assignments SET pinned = ?
     WHERE roster_id = ? AND EXISTS (
       SELECT 1 FROM json_each(?) c
       WHERE c.value ->> 0 = roster_assignments.staff_id AND c.value ->> 1 = roster_assignments.date AND c.value ->> 2 = roster_assignments.shift_code)`,
    [pinned ? 1 : 0, rosterId, JSON.stringify(cells.map((cell) => [cell.staffId, cell.date, cell.shiftCode]))],
  );
  return changes;
}

/**
 * Writes one cell: a post sets (or replaces) the duty and its window (null: none), keeping its pin;
 * a null post takes it off. Run it inside the caller's transaction with the change row that explains it.
 */
export async function writeCell(db: Queryable, rosterId: number, cell: CellRecord, postId: number | null, learner: boolean, windowId: number | null = null): Promise<void> {
  if (postId === null) {
    await db.run('DELETE FROM roster_assignments WHERE roster_id = ? AND staff_id = ? AND date = ? AND shift_code = ?', [rosterId, cell.staffId, cell.date, cell.shiftCode]);
    return;
  }
  await db.run(
    `INSERT INTO roster_assignments (roster_id, staff_id, date, shift_code, post_id, learner, window_id) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (roster_id, staff_id, date, shift_code) DO UPDATE SET post_id = excluded.post_id, learner = excluded.learner, window_id = excluded.window_id`,
    [rosterId, cell.staffId, cell.date, cell.shiftCode, postId, learner ? 1 : 0, windowId],
  );
}

/** Keeps the roster's summary true after an edit: its unmet staff-shifts, N-1 share and gaps. */
export async function updateRosterFigures(db: Queryable, rosterId: number, figures: { unmet: number; resilience: number; gaps: readonly RosterGapRecord[] }): Promise<void> {
  await db.run("UPDATE rosters SET stats = json_set(stats, '$.unmet', ?, '$.resilience', ?), gaps = ? WHERE id = ?", [
    figures.unmet,
    figures.resilience,
    JSON.stringify(figures.gaps),
    rosterId,
  ]);
}

// ---- Changes -------------------------------------------------------------------------------------

type ChangeRow = Omit<BoardChangeRecord, 'afterPublication' | 'moves'> & { afterPublication: number; moves: string };

const CHANGE_COLUMNS = `id, roster_id AS rosterId, at, actor, kind, reason, override_reason AS overrideReason,
  after_publication AS afterPublication, moves`;

function changeFromRow(row: ChangeRow): BoardChangeRecord {
  return { ...row, afterPublication: row.afterPublication === 1, moves: movesFromJson(row.moves) };
}

/** Moves as stored; those logged before seats were kept (migration 011) name no window. */
export function movesFromJson(text: string): BoardMoveRecord[] {
  return (JSON.parse(text) as (Omit<BoardMoveRecord, 'fromWindowId' | 'toWindowId'> & Partial<BoardMoveRecord>)[]).map((move) => ({
    ...move,
    fromWindowId: move.fromWindowId ?? null,
    toWindowId: move.toWindowId ?? null,
  }));
}

export async function insertChange(db: Queryable, change: NewBoardChange): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO roster_changes (roster_id, at, actor, kind, reason, override_reason, after_publication, moves)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [change.rosterId, change.at, change.actor, change.kind, change.reason, change.overrideReason, change.afterPublication ? 1 : 0, JSON.stringify(change.moves)],
  );
  return lastId;
}

/** Newest first; `sincePublication` keeps only those made while the roster was published. */
export async function listChanges(db: Queryable, rosterId: number, sincePublication = false): Promise<BoardChangeRecord[]> {
  const rows = await db.all<ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM roster_changes WHERE roster_id = ? AND (? = 0 OR after_publication = 1) ORDER BY id DESC`,
    [rosterId, sincePublication ? 1 : 0],
  );
  return rows.map(changeFromRow);
}

export async function lastChangeIdOf(db: Queryable, rosterId: number): Promise<number> {
  const row = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM roster_changes WHERE roster_id = ?', [rosterId]);
  return row?.id ?? 0;
}

export async function countChangesSincePublication(db: Queryable, rosterId: number): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM roster_changes WHERE roster_id = ? AND after_publication = 1', [rosterId]);
  return row?.n ?? 0;
}

/** The newest change that moved this cell: who to name when an edit finds the cell changed under it. */
export async function newestChangeOfCell(db: Queryable, rosterId: number, cell: CellRecord): Promise<{ id: number; at: string; actor: string } | undefined> {
  return db.get<{ id: number; at: string; actor: string }>(
    `SELECT c.id, c.at, c.actor FROM roster_changes c
     WHERE c.roster_id = ? AND EXISTS (
       SELECT 1 FROM json_each(c.moves) m
       WHERE m.value ->> 'staffId' = ? AND m.value ->> 'date' = ? AND m.value ->> 'shiftCode' = ?)
     ORDER BY c.id DESC LIMIT 1`,
    [rosterId, cell.staffId, cell.date, cell.shiftCode],
  );
}

// ---- Overrides -----------------------------------------------------------------------------------

/** Run inside the transaction of the change that accepted the breaches. */
export async function insertOverrides(
  db: Queryable,
  rosterId: number,
  changeId: number,
  accepted: { reason: string; at: string; actor: string },
  overrides: readonly NewOverride[],
): Promise<void> {
  if (overrides.length === 0) return;
  await db.run(
    `INSERT INTO roster_overrides (roster_id, change_id, breach_key, rule, message, reason, at, actor)
     SELECT ?, ?, value ->> 0, value ->> 1, value ->> 2, ?, ?, ? FROM json_each(?)`,
    [rosterId, changeId, accepted.reason, accepted.at, accepted.actor, JSON.stringify(overrides.map((o) => [o.breachKey, o.rule, o.message]))],
  );
}

/** Every accepted breach, oldest first (a later acceptance of the same breach wins when mapped). */
export async function listOverrides(db: Queryable, rosterId: number): Promise<OverrideRecord[]> {
  return db.all<OverrideRecord>(
    `SELECT breach_key AS breachKey, rule, message, change_id AS changeId, reason, at, actor
     FROM roster_overrides WHERE roster_id = ? ORDER BY id`,
    [rosterId],
  );
}

// ---- Absences ------------------------------------------------------------------------------------

export async function insertAbsence(
  db: Queryable,
  rosterId: number,
  absence: NewAbsence,
  written: { changeId: number | null; at: string; actor: string },
): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO roster_absences (roster_id, staff_id, date, shift_code, kind, note, change_id, at, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [rosterId, absence.staffId, absence.date, absence.shiftCode, absence.kind, absence.note, written.changeId, written.at, written.actor],
  );
  return lastId;
}

export async function listAbsences(db: Queryable, rosterId: number): Promise<AbsenceRecord[]> {
  return db.all<AbsenceRecord>(
    `SELECT id, staff_id AS staffId, date, shift_code AS shiftCode, kind, note, change_id AS changeId, at, actor
     FROM roster_absences WHERE roster_id = ? ORDER BY date, id`,
    [rosterId],
  );
}
