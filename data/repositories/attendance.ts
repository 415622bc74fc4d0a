/**
 * Punches, attendance corrections, and the approved leave attendance reads. Leave is read straight
 * from its table here so that attendance does not depend on the leave area's own module.
 */
import type { Queryable } from '../connection.ts';

export interface PunchRow {
  staffId: number;
  /** Local time 'YYYY-MM-DDTHH:MM'. */
  at: string;
  device: string;
  sourceFile: string;
}

export interface NewPunch {
  staffId: number;
  at: string;
  device: string;
}

/** Rows per INSERT: 5 parameters each keeps a statement well under SQLite's parameter limit. */
const INSERT_BATCH = 400;

/**
 * Inserts many punches with multi-row INSERTs: one statement per few hundred rows instead of one
 * per row is what makes a month of a hall's machine (tens of thousands of punches) quick.
 * The caller provides the transaction.
 */
export async function insertPunches(db: Queryable, punches: readonly NewPunch[], sourceFile: string, importedAt: string): Promise<number> {
  let written = 0;
  for (let start = 0; start < punches.length; start += INSERT_BATCH) {
    const batch = punches.slice(start, start + INSERT_BATCH);
    const params: (string | number)[] = [];
    for (const punch of batch) params.push(punch.staffId, punch.at, punch.device, sourceFile, importedAt);
    const { changes } = await db.run(
      `INSERT INTO punches (staff_id, at, device, source_file, imported_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
    written += changes;
  }
  return written;
}

/** Punches from the start of `from` to the end of `to` (dates), ordered by person and time. */
export function listPunches(db: Queryable, from: string, to: string): Promise<PunchRow[]> {
  return db.all<PunchRow>(
    `SELECT staff_id AS staffId, at, device, source_file AS sourceFile FROM punches
     WHERE at >= ? AND at < ? ORDER BY staff_id, at`,
    [from, `${to}U`],
  );
}

export function listPunchesOf(db: Queryable, staffId: number, from: string, to: string): Promise<PunchRow[]> {
  return db.all<PunchRow>(
    `SELECT staff_id AS staffId, at, device, source_file AS sourceFile FROM punches
     WHERE staff_id = ? AND at >= ? AND at < ? ORDER BY at`,
    [staffId, from, `${to}U`],
  );
}

/** Every stored (person, minute) between two dates: what a new file's punches may not repeat. */
export async function storedPunchKeys(db: Queryable, from: string, to: string): Promise<Set<string>> {
  const rows = await db.all<{ staffId: number; at: string }>('SELECT staff_id AS staffId, at FROM punches WHERE at >= ? AND at < ?', [from, `${to}U`]);
  return new Set(rows.map((row) => `${row.staffId}|${row.at}`));
}

export async function punchSummary(db: Queryable): Promise<{ count: number; first: string | null; last: string | null }> {
  const row = await db.get<{ count: number; first: string | null; last: string | null }>('SELECT count(*) AS count, min(at) AS first, max(at) AS last FROM punches');
  return row ?? { count: 0, first: null, last: null };
}

export async function countPunches(db: Queryable): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM punches');
  return row?.count ?? 0;
}

export interface CorrectionRow {
  id: number;
  staffId: number;
  date: string;
  status: string;
  reason: string;
  actor: string;
  at: string;
}

const CORRECTION_COLUMNS = 'id, staff_id AS staffId, date, status, reason, actor, at';

export async function insertCorrection(db: Queryable, correction: Omit<CorrectionRow, 'id'>): Promise<number> {
  const { lastId } = await db.run(
    'INSERT INTO attendance_corrections (staff_id, date, status, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)',
    [correction.staffId, correction.date, correction.status, correction.reason, correction.actor, correction.at],
  );
  return lastId;
}

export function listCorrections(db: Queryable, from: string, to: string): Promise<CorrectionRow[]> {
  return db.all<CorrectionRow>(`SELECT ${CORRECTION_COLUMNS} FROM attendance_corrections WHERE date BETWEEN ? AND ? ORDER BY at, id`, [from, to]);
}

export function listCorrectionsOf(db: Queryable, staffId: number, date: string): Promise<CorrectionRow[]> {
  return db.all<CorrectionRow>(`SELECT ${CORRECTION_COLUMNS} FROM attendance_corrections WHERE staff_id = ? AND date = ? ORDER BY at, id`, [staffId, date]);
}

export interface ApprovedLeaveRow {
  staffId: number;
  type: string;
  fromDate: string;
  toDate: string;
  part: 'full' | 'am' | 'pm';
}

/** Approved leave overlapping the dates; pending, rejected and cancelled requests excuse nothing. */
export function listApprovedLeave(db: Queryable, from: string, to: string): Promise<ApprovedLeaveRow[]> {
  return db.all<ApprovedLeaveRow>(
    `SELECT staff_id AS staffId, type, from_date AS fromDate, to_date AS toDate, part FROM leave_requests
     WHERE status = 'approved' AND from_date <= ? AND to_date >= ? ORDER BY staff_id, from_date`,
    [to, from],
  );
}
