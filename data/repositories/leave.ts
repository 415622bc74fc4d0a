import type { Queryable } from '../connection.ts';

export type LeaveTypeRecord = 'annual' | 'sick' | 'personal' | 'marriage' | 'maternity' | 'compensatory' | 'official' | 'outing';
export type LeavePartRecord = 'full' | 'am' | 'pm';
export type LeaveStatusRecord = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface LeaveRecord {
  id: number;
  staffId: number;
  type: LeaveTypeRecord;
  from: string;
  to: string;
  part: LeavePartRecord;
  days: number;
  reason: string;
  status: LeaveStatusRecord;
  conflictsAcknowledged: boolean;
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  version: number;
}

export type NewLeave = Pick<LeaveRecord, 'staffId' | 'type' | 'from' | 'to' | 'part' | 'days' | 'reason' | 'conflictsAcknowledged' | 'requestedAt' | 'requestedBy'>;

const LEAVE_COLUMNS = `id, staff_id AS staffId, type, from_date AS "from", to_date AS "to", part, days, reason, status,
  conflicts_acknowledged AS conflictsAcknowledged, requested_at AS requestedAt, requested_by AS requestedBy,
  decided_at AS decidedAt, decided_by AS decidedBy, decision_note AS decisionNote, version`;

type LeaveRow = Omit<LeaveRecord, 'conflictsAcknowledged'> & { conflictsAcknowledged: number };

function fromRow(row: LeaveRow): LeaveRecord {
  return { ...row, conflictsAcknowledged: row.conflictsAcknowledged === 1 };
}

export interface LeaveFilter {
  /** Requests sharing at least one day with [from, to]. */
  from: string;
  to: string;
  statuses?: readonly LeaveStatusRecord[];
  staffId?: number;
}

export async function listLeave(db: Queryable, filter: LeaveFilter): Promise<LeaveRecord[]> {
  const statuses = filter.statuses ?? ['pending', 'approved', 'rejected', 'cancelled'];
  const params: (string | number)[] = [filter.to, filter.from, ...statuses];
  let sql = `SELECT ${LEAVE_COLUMNS} FROM leave_requests
    WHERE from_date <= ? AND to_date >= ? AND status IN (${statuses.map(() => '?').join(', ')})`;
  if (filter.staffId !== undefined) {
    sql += ' AND staff_id = ?';
    params.push(filter.staffId);
  }
  const rows = await db.all<LeaveRow>(`${sql} ORDER BY from_date, id`, params);
  return rows.map(fromRow);
}

export async function getLeave(db: Queryable, id: number): Promise<LeaveRecord | undefined> {
  const row = await db.get<LeaveRow>(`SELECT ${LEAVE_COLUMNS} FROM leave_requests WHERE id = ?`, [id]);
  return row ? fromRow(row) : undefined;
}

export async function insertLeave(db: Queryable, leave: NewLeave): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO leave_requests (staff_id, type, from_date, to_date, part, days, reason, status,
       conflicts_acknowledged, requested_at, requested_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    [leave.staffId, leave.type, leave.from, leave.to, leave.part, leave.days, leave.reason,
      leave.conflictsAcknowledged ? 1 : 0, leave.requestedAt, leave.requestedBy],
  );
  return lastId;
}

/** Approves or rejects a pending request if nobody changed it since `version`; returns whether it did. */
export async function decideLeave(
  db: Queryable,
  change: { id: number; version: number; status: 'approved' | 'rejected'; at: string; by: string; note: string | null },
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE leave_requests SET status = ?, decided_at = ?, decided_by = ?, decision_note = ?, version = version + 1
     WHERE id = ? AND version = ? AND status = 'pending'`,
    [change.status, change.at, change.by, change.note, change.id, change.version],
  );
  return changes === 1;
}

/** Cancels a pending or approved request if nobody changed it since `version`; a decision already made stays on record. */
export async function cancelLeave(db: Queryable, id: number, version: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE leave_requests SET status = 'cancelled', version = version + 1
     WHERE id = ? AND version = ? AND status IN ('pending', 'approved')`,
    [id, version],
  );
  return changes === 1;
}
