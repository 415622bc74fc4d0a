import type { Queryable } from '../connection.ts';

/** The editable part of a staff record. */
export interface StaffFields {
  employeeNo: string;
  name: string;
  gender: 'F' | 'M';
  phone: string;
  idNumber: string;
  hireDate: string;
  status: 'probation' | 'active';
  homeZoneId: number;
  primaryPostId: number | null;
  contractType: 'standard' | 'comprehensive';
  weeklyHourCap: number;
  wageGrade: number;
}

export interface StaffRecord extends Omit<StaffFields, 'status'> {
  id: number;
  /** 参加工作日期: when the person first started work anywhere; annual leave counts from it. */
  workStartDate: string | null;
  status: 'probation' | 'active' | 'departed';
  leftOn: string | null;
  leaveReason: string | null;
  version: number;
  updatedAt: string;
}

const STAFF_COLUMNS = `
  id, employee_no AS employeeNo, name, gender, phone, id_number AS idNumber, hire_date AS hireDate,
  status, left_on AS leftOn, leave_reason AS leaveReason, home_zone_id AS homeZoneId,
  primary_post_id AS primaryPostId, contract_type AS contractType, weekly_hour_cap AS weeklyHourCap,
  wage_grade AS wageGrade, work_start_date AS workStartDate, version, updated_at AS updatedAt`;

export function listStaff(db: Queryable): Promise<StaffRecord[]> {
  return db.all<StaffRecord>(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY employee_no`);
}

export function getStaff(db: Queryable, id: number): Promise<StaffRecord | undefined> {
  return db.get<StaffRecord>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`, [id]);
}

export async function findStaffIdByEmployeeNo(db: Queryable, employeeNo: string): Promise<number | undefined> {
  const row = await db.get<{ id: number }>('SELECT id FROM staff WHERE employee_no = ?', [employeeNo]);
  return row?.id;
}

/** Someone still employed under this resident ID (departed records do not count). */
export async function findCurrentStaffIdByIdNumber(db: Queryable, idNumber: string): Promise<number | undefined> {
  const row = await db.get<{ id: number }>(
    "SELECT id FROM staff WHERE id_number = ? AND status <> 'departed'",
    [idNumber],
  );
  return row?.id;
}

export async function insertStaff(db: Queryable, fields: StaffFields, now: string): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO staff (employee_no, name, gender, phone, id_number, hire_date, status, home_zone_id,
       primary_post_id, contract_type, weekly_hour_cap, wage_grade, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...fieldValues(fields), now, now],
  );
  return lastId;
}

/** Inserts a departed person as they were; used by the demo centre and imports of history. */
export async function insertDepartedStaff(
  db: Queryable,
  fields: StaffFields,
  leftOn: string,
  reason: string,
  now: string,
): Promise<number> {
  const id = await insertStaff(db, fields, now);
  await db.run("UPDATE staff SET status = 'departed', left_on = ?, leave_reason = ? WHERE id = ?", [
    leftOn,
    reason,
    id,
  ]);
  return id;
}

/** Saves only if nobody else saved since `version` was read; returns whether it saved. */
export async function updateStaff(
  db: Queryable,
  id: number,
  version: number,
  fields: StaffFields,
  now: string,
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE staff SET employee_no = ?, name = ?, gender = ?, phone = ?, id_number = ?, hire_date = ?,
       status = ?, home_zone_id = ?, primary_post_id = ?, contract_type = ?, weekly_hour_cap = ?,
       wage_grade = ?, updated_at = ?, version = version + 1
     WHERE id = ? AND version = ? AND status <> 'departed'`,
    [...fieldValues(fields), now, id, version],
  );
  return changes === 1;
}

export async function markDeparted(
  db: Queryable,
  id: number,
  version: number,
  leftOn: string,
  reason: string,
  now: string,
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE staff SET status = 'departed', left_on = ?, leave_reason = ?, updated_at = ?, version = version + 1
     WHERE id = ? AND version = ? AND status <> 'departed'`,
    [leftOn, reason, now, id, version],
  );
  return changes === 1;
}

/** Kept apart from the other fields: imports and older callers leave it untouched. */
export async function setWorkStartDate(db: Queryable, id: number, workStartDate: string | null): Promise<void> {
  await db.run('UPDATE staff SET work_start_date = ? WHERE id = ?', [workStartDate, id]);
}

export async function countStaff(db: Queryable): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff');
  return row?.n ?? 0;
}

function fieldValues(fields: StaffFields): (string | number | null)[] {
  return [
    fields.employeeNo,
    fields.name,
    fields.gender,
    fields.phone,
    fields.idNumber,
    fields.hireDate,
    fields.status,
    fields.homeZoneId,
    fields.primaryPostId,
    fields.contractType,
    fields.weeklyHourCap,
    fields.wageGrade,
  ];
}
