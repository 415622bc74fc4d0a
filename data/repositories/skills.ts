import type { Queryable } from '../connection.ts';

export type SkillLevel = 0 | 1 | 2 | 3;

export interface SkillCellRecord {
  staffId: number;
  postId: number;
  level: SkillLevel;
  certifiedOn: string | null;
  mentorId: number | null;
  targetDate: string | null;
  updatedAt: string;
}

export interface SkillChangeRecord {
  staffId: number;
  postId: number;
  at: string;
  actor: string;
  fromLevel: number;
  toLevel: number;
  certifiedOn: string | null;
  note: string;
}

const CELL_COLUMNS = `staff_id AS staffId, post_id AS postId, level, certified_on AS certifiedOn,
  mentor_id AS mentorId, target_date AS targetDate, updated_at AS updatedAt`;

export function listSkillCells(db: Queryable): Promise<SkillCellRecord[]> {
  return db.all<SkillCellRecord>(`SELECT ${CELL_COLUMNS} FROM staff_skills ORDER BY staff_id, post_id`);
}

export function getSkillCell(db: Queryable, staffId: number, postId: number): Promise<SkillCellRecord | undefined> {
  return db.get<SkillCellRecord>(`SELECT ${CELL_COLUMNS} FROM staff_skills WHERE staff_id = ? AND post_id = ?`, [staffId, postId]);
}

/** Writes a cell as given; a level of 0 keeps its row so the cell's dates stay explainable. */
export async function putSkillCell(db: Queryable, cell: SkillCellRecord): Promise<void> {
  await db.run(
    `INSERT INTO staff_skills (staff_id, post_id, level, certified_on, mentor_id, target_date, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (staff_id, post_id) DO UPDATE SET level = excluded.level, certified_on = excluded.certified_on,
       mentor_id = excluded.mentor_id, target_date = excluded.target_date, updated_at = excluded.updated_at`,
    [cell.staffId, cell.postId, cell.level, cell.certifiedOn, cell.mentorId, cell.targetDate, cell.updatedAt],
  );
}

export async function appendSkillChange(db: Queryable, change: SkillChangeRecord): Promise<void> {
  await db.run(
    `INSERT INTO skill_history (staff_id, post_id, at, actor, from_level, to_level, certified_on, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [change.staffId, change.postId, change.at, change.actor, change.fromLevel, change.toLevel, change.certifiedOn, change.note],
  );
}

export function listSkillChanges(db: Queryable, staffId: number, postId: number): Promise<SkillChangeRecord[]> {
  return db.all<SkillChangeRecord>(
    `SELECT staff_id AS staffId, post_id AS postId, at, actor, from_level AS fromLevel, to_level AS toLevel,
       certified_on AS certifiedOn, note
     FROM skill_history WHERE staff_id = ? AND post_id = ? ORDER BY id DESC`,
    [staffId, postId],
  );
}

export interface WindowAbRecord {
  windowId: number;
  aStaffId: number | null;
  bStaffId: number | null;
  updatedAt: string;
}

export function listWindowAb(db: Queryable): Promise<WindowAbRecord[]> {
  return db.all<WindowAbRecord>(
    'SELECT window_id AS windowId, a_staff_id AS aStaffId, b_staff_id AS bStaffId, updated_at AS updatedAt FROM window_ab ORDER BY window_id',
  );
}

export async function putWindowAb(db: Queryable, record: WindowAbRecord): Promise<void> {
  await db.run(
    `INSERT INTO window_ab (window_id, a_staff_id, b_staff_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (window_id) DO UPDATE SET a_staff_id = excluded.a_staff_id, b_staff_id = excluded.b_staff_id,
       updated_at = excluded.updated_at`,
    [record.windowId, record.aStaffId, record.bStaffId, record.updatedAt],
  );
}
