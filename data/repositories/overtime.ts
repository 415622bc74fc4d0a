import type { Queryable } from '../connection.ts';

export type OvertimeSourceRecord = 'planned' | 'punch';
export type OvertimeStatusRecord = 'pending' | 'approved' | 'rejected';

export interface OvertimeRecord {
  id: number;
  staffId: number;
  date: string;
  source: OvertimeSourceRecord;
  startsAt: number | null;
  endsAt: number | null;
  minutes: number;
  reason: string;
  status: OvertimeStatusRecord;
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export type NewOvertime = Pick<OvertimeRecord, 'staffId' | 'date' | 'source' | 'startsAt' | 'endsAt' | 'minutes' | 'reason' | 'status' | 'requestedAt' | 'requestedBy'> &
  Partial<Pick<OvertimeRecord, 'decidedAt' | 'decidedBy' | 'decisionNote'>>;

const OVERTIME_COLUMNS = `id, staff_id AS staffId, date, source, starts_at AS startsAt, ends_at AS endsAt, minutes, reason, status,
  requested_at AS requestedAt, requested_by AS requestedBy, decided_at AS decidedAt, decided_by AS decidedBy, decision_note AS decisionNote`;

/** Requests and decisions on days within [from, to], of one person if given, in date order. */
export async function listOvertime(db: Queryable, filter: { from: string; to: string; staffId?: number }): Promise<OvertimeRecord[]> {
  const params: (string | number)[] = [filter.from, filter.to];
  let sql = `SELECT ${OVERTIME_COLUMNS} FROM overtime_requests WHERE date BETWEEN ? AND ?`;
  if (filter.staffId !== undefined) {
    sql += ' AND staff_id = ?';
    params.push(filter.staffId);
  }
  return db.all<OvertimeRecord>(`${sql} ORDER BY date, staff_id, id`, params);
}

export async function getOvertime(db: Queryable, id: number): Promise<OvertimeRecord | undefined> {
  return db.get<OvertimeRecord>(`SELECT ${OVERTIME_COLUMNS} FROM overtime_requests WHERE id = ?`, [id]);
}

export async function insertOvertime(db: Queryable, overtime: NewOvertime): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO overtime_requests (staff_id, date, source, starts_at, ends_at, minutes, reason, status, requested_at, requested_by, decided_at, decided_by, decision_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [overtime.staffId, overtime.date, overtime.source, overtime.startsAt, overtime.endsAt, overtime.minutes, overtime.reason, overtime.status,
      overtime.requestedAt, overtime.requestedBy, overtime.decidedAt ?? null, overtime.decidedBy ?? null, overtime.decisionNote ?? null],
  );
  return lastId;
}

/** Decides a pending planned request; returns whether it was still pending. */
export async function decideOvertime(db: Queryable, change: { id: number; status: 'approved' | 'rejected'; at: string; by: string; note: string | null }): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE overtime_requests SET status = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ? AND status = 'pending'`,
    [change.status, change.at, change.by, change.note, change.id],
  );
  return changes === 1;
}
