/**
 * Punch files from the hall's attendance machine (CSV or .xlsx): 工号, 打卡时间, 设备. Every row is
 * judged before anything is written; `punches/apply` plans again inside its transaction.
 */
import type { ImportRowError } from '../../contract/model.ts';
import type { PunchReport } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { storedPunchKeys, type NewPunch } from '../../../data/repositories/attendance.ts';
import { listStaff } from '../../../data/repositories/staff.ts';
import { FirstSeen, rowError } from '../transfer/plan.ts';
import { tableOf, type SheetRow, type Table } from '../transfer/table.ts';
import type { TimedUpload } from '../transfer/timed-upload.ts';

export const PUNCH_COLUMNS = { employeeNo: '工号', time: '打卡时间', device: '设备' } as const;
type PunchField = keyof typeof PUNCH_COLUMNS;

/** Headers machines and people use for the same columns, compared without case or spaces. */
const HEADER_ALIASES: Readonly<Record<PunchField, readonly string[]>> = {
  employeeNo: ['工号', '员工工号', '员工编号', '人员编号', 'employeeno', 'employeenumber', 'empno', 'staffno', 'employeeid'],
  time: ['打卡时间', '考勤时间', '签到时间', '时间', 'time', 'punchtime', 'datetime', 'checktime', 'clocktime'],
  device: ['设备', '设备号', '设备名称', '考勤机', 'device', 'deviceid', 'terminal', 'machine'],
};

export interface PunchPlan {
  totalRows: number;
  errors: ImportRowError[];
  /** The good rows' punches, in file order. */
  punches: NewPunch[];
  badLines: number;
}


/**
 * Plans a punch file against the people on the books and the punches already stored.
 * `now` is the hall's local time 'YYYY-MM-DDTHH:MM': a punch after it cannot be real.
 */
export async function planPunches(db: Queryable, upload: TimedUpload, now: string): Promise<PunchPlan> {
  if (upload.error) return fileProblem(0, upload.error);
  const table = tableOf(upload.rows);
  if (!table || table.rows.length === 0) return fileProblem(0, rowError(0, null, 'empty_file', table ? 'header only' : 'no rows'));
  const columns = locateColumns(table);
  const missing = (['employeeNo', 'time'] as const).filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    return fileProblem(table.rows.length, ...missing.map((field) => rowError(1, PUNCH_COLUMNS[field], 'missing_column', table.header.join(', '))));
  }
  const people = new Map((await listStaff(db)).map((person) => [person.employeeNo.toLowerCase(), person]));
  const parsed = table.rows.map((row) => ({ row, at: parsePunchTime(cellOf(row, columns.time)) }));
  const dates = parsed.flatMap((entry) => (entry.at ? [entry.at.slice(0, 10)] : [])).sort();
  const stored = dates.length > 0 ? await storedPunchKeys(db, dates[0]!, dates[dates.length - 1]!) : new Set<string>();
  const seen = new FirstSeen();
  const errors: ImportRowError[] = [];
  const punches: NewPunch[] = [];
  let badLines = 0;
  for (const { row, at } of parsed) {
    const rowErrors: ImportRowError[] = [];
    const employeeNo = cellOf(row, columns.employeeNo);
    const rawTime = cellOf(row, columns.time);
    const person = people.get(employeeNo.toLowerCase());
    if (employeeNo === '') rowErrors.push(rowError(row.line, PUNCH_COLUMNS.employeeNo, 'unknown_employee', 'required'));
    else if (!person) rowErrors.push(rowError(row.line, PUNCH_COLUMNS.employeeNo, 'unknown_employee', employeeNo));
    if (!at) rowErrors.push(rowError(row.line, PUNCH_COLUMNS.time, 'bad_time', rawTime === '' ? 'required' : `format: ${rawTime}`));
    else if (at > now) rowErrors.push(rowError(row.line, PUNCH_COLUMNS.time, 'bad_time', `future_date: ${rawTime}`));
    if (person && at && rowErrors.length === 0) {
      const day = at.slice(0, 10);
      if (day < person.hireDate || (person.leftOn !== null && day > person.leftOn)) {
        rowErrors.push(rowError(row.line, PUNCH_COLUMNS.time, 'not_employed', `${employeeNo}: ${at.replace('T', ' ')}`));
      } else {
        const key = `${person.id}|${at}`;
        const first = seen.repeatOf(key, row.line);
        if (first !== null) rowErrors.push(rowError(row.line, PUNCH_COLUMNS.time, 'duplicate_punch', `line ${first}: ${at.replace('T', ' ')}`));
        else if (stored.has(key)) rowErrors.push(rowError(row.line, PUNCH_COLUMNS.time, 'duplicate_punch', `stored: ${at.replace('T', ' ')}`));
      }
    }
    if (rowErrors.length > 0) {
      badLines += 1;
      errors.push(...rowErrors);
    } else if (person && at) {
      punches.push({ staffId: person.id, at, device: cellOf(row, columns.device).slice(0, 60) });
    }
  }
  return { totalRows: table.rows.length, errors, punches, badLines };
}

export function reportOfPunches(plan: PunchPlan): PunchReport {
  return { totalRows: plan.totalRows, goodRows: plan.punches.length, errors: plan.errors, toCreate: plan.punches.length };
}

function fileProblem(totalRows: number, ...errors: ImportRowError[]): PunchPlan {
  return { totalRows, errors, punches: [], badLines: totalRows };
}

function locateColumns(table: Table): Partial<Record<PunchField, number>> {
  const normal = table.header.map((name) => name.toLowerCase().replace(/[\s_\-.()（）]/g, ''));
  const found: Partial<Record<PunchField, number>> = {};
  for (const field of Object.keys(HEADER_ALIASES) as PunchField[]) {
    // The first matching column wins, as a reader going left to right would take it.
    const position = normal.findIndex((name) => HEADER_ALIASES[field].includes(name));
    if (position >= 0) found[field] = position;
  }
  return found;
}

function cellOf(row: SheetRow, position: number | undefined): string {
  return position === undefined ? '' : (row.cells[position] ?? '').trim();
}

const TIME_PATTERN = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * 'YYYY-MM-DD HH:MM[:SS]' (or with slashes, single digits, a T) → 'YYYY-MM-DDTHH:MM', or null.
 * Seconds are dropped: two punches in the same minute are one punch.
 */
export function parsePunchTime(text: string): string | null {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || (s !== undefined && Number(s) > 59)) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
