/**
 * Ticket history from the hall's queue system (CSV or .xlsx). Two shapes, told apart by the header:
 *
 * - per ticket: 业务类型, 取号时间, 叫号时间, 完成时间, 窗口 (optional). Tickets are summed per
 *   (day, business type, half-hour taken) and ADDED to what is stored: tickets are events, and a
 *   hall exports them a month at a time.
 * - daily counts: 日期, 业务类型, 数量, when that is all the hall gives. Each row REPLACES that day's
 *   whole-day count (slot -1) of the type: it is the day's total as reported, and importing a
 *   corrected file again must not double it. A day whose tickets of the type are already stored
 *   per half-hour is refused (duplicate_row): the two would be counted twice.
 *
 * Every row is judged before anything is written; apply plans again inside its transaction.
 */
import type { ImportReport, ImportRowError } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listWindows } from '../../../data/repositories/centre.ts';
import { countKey, listBusinessTypes, storedCountKeys, type BusinessTypeRecord, type TicketCountRow } from '../../../data/repositories/demand.ts';
import { FirstSeen, rowError } from '../transfer/plan.ts';
import { tableOf, type SheetRow, type Table } from '../transfer/table.ts';
import type { TimedUpload } from '../transfer/timed-upload.ts';
import { isRealIsoDate } from '../../contract/rules.ts';
import { slotOfMinute } from './calendar.ts';

export const TICKET_COLUMNS = { businessType: '业务类型', taken: '取号时间', called: '叫号时间', finished: '完成时间', window: '窗口' } as const;
export const DAILY_COLUMNS = { date: '日期', businessType: '业务类型', count: '数量' } as const;

type Field = 'businessType' | 'taken' | 'called' | 'finished' | 'window' | 'date' | 'count';

/** Headers queue systems and people use for the same columns, compared without case or spaces. */
const HEADER_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  businessType: ['业务类型', '业务', '业务名称', '事项', '事项名称', 'businesstype', 'business', 'type'],
  taken: ['取号时间', '取号', '取票时间', 'takentime', 'taken', 'tickettime', 'issuedat'],
  called: ['叫号时间', '叫号', 'calledtime', 'called', 'calledat'],
  finished: ['完成时间', '办结时间', '结束时间', 'finishedtime', 'finished', 'finishedat'],
  window: ['窗口', '窗口号', '窗口编号', 'window', 'windowcode'],
  date: ['日期', 'date'],
  count: ['数量', '件数', '办件量', 'count', 'tickets'],
};

const COLUMN_NAMES: Readonly<Record<Field, string>> = { ...TICKET_COLUMNS, ...DAILY_COLUMNS };

export type TicketFileKind = 'tickets' | 'daily';

export interface TicketPlan {
  fileKind: TicketFileKind | null;
  totalRows: number;
  errors: ImportRowError[];
  /** The good rows summed into counts, ready to write. */
  counts: TicketCountRow[];
  goodRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
}


/** `today` is the hall's day: tickets of today or later cannot be history yet. */
export async function planTickets(db: Queryable, upload: TimedUpload, today: string): Promise<TicketPlan> {
  if (upload.error) return fileProblem(null, 0, upload.error);
  const table = tableOf(upload.rows);
  if (!table || table.rows.length === 0) return fileProblem(null, 0, rowError(0, null, 'empty_file', table ? 'header only' : 'no rows'));
  const columns = locateColumns(table);
  const fileKind: TicketFileKind = columns.taken !== undefined || columns.date === undefined ? 'tickets' : 'daily';
  const required: Field[] = fileKind === 'tickets' ? ['businessType', 'taken', 'called', 'finished'] : ['date', 'businessType', 'count'];
  const missing = required.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    return fileProblem(fileKind, table.rows.length, ...missing.map((field) => rowError(1, COLUMN_NAMES[field], 'missing_column', table.header.join(', '))));
  }
  const types = await listBusinessTypes(db);
  const byName = new Map<string, BusinessTypeRecord>();
  for (const type of types) {
    byName.set(type.nameZh.toLowerCase(), type);
    byName.set(type.code.toLowerCase(), type);
  }
  const read = (row: SheetRow, field: Field) => cellOf(row, columns[field]);
  return fileKind === 'tickets'
    ? planTicketRows(db, table, read, byName, today, new Set((await listWindows(db)).map((w) => w.code.toLowerCase())))
    : planDailyRows(db, table, read, byName, today);
}

type Read = (row: SheetRow, field: Field) => string;

async function planTicketRows(db: Queryable, table: Table, read: Read, types: Map<string, BusinessTypeRecord>, today: string, windows: Set<string>): Promise<TicketPlan> {
  const errors: ImportRowError[] = [];
  const sums = new Map<string, TicketCountRow>();
  let goodRows = 0;
  for (const row of table.rows) {
    const rowErrors: ImportRowError[] = [];
    const type = businessTypeOf(row, read, types, rowErrors);
    const taken = timeCell(row, read, 'taken', true, rowErrors);
    const called = timeCell(row, read, 'called', false, rowErrors);
    const finished = timeCell(row, read, 'finished', false, rowErrors);
    if (taken !== null && taken.date >= today) rowErrors.push(rowError(row.line, TICKET_COLUMNS.taken, 'bad_value', `future_date: ${read(row, 'taken')}`));
    if (taken !== null && called !== null && called.at < taken.at) {
      rowErrors.push(rowError(row.line, TICKET_COLUMNS.called, 'bad_value', `called_before_taken: ${read(row, 'called')} < ${read(row, 'taken')}`));
    }
    if (finished !== null && called === null && read(row, 'called') === '') {
      rowErrors.push(rowError(row.line, TICKET_COLUMNS.called, 'bad_value', `required_with_finished: ${read(row, 'finished')}`));
    }
    if (called !== null && finished !== null && finished.at < called.at) {
      rowErrors.push(rowError(row.line, TICKET_COLUMNS.finished, 'bad_value', `finished_before_called: ${read(row, 'finished')} < ${read(row, 'called')}`));
    }
    const window = read(row, 'window');
    if (window !== '' && !windows.has(window.toLowerCase())) rowErrors.push(rowError(row.line, TICKET_COLUMNS.window, 'unknown_window', window));
    if (rowErrors.length > 0 || !type || !taken) {
      errors.push(...rowErrors);
      continue;
    }
    goodRows += 1;
    const slot = slotOfMinute(taken.minuteOfDay);
    const key = countKey(taken.date, type.id, slot);
    const sum = sums.get(key) ?? { date: taken.date, businessTypeId: type.id, slot, arrivals: 0, served: 0, handleSeconds: 0, waitSeconds: 0 };
    sums.set(key, sum);
    sum.arrivals += 1;
    if (called) sum.waitSeconds += Math.round((called.at - taken.at) / 1000);
    // A ticket called but never finished (the person left the window) tells no handling time.
    if (called && finished) {
      sum.served += 1;
      sum.handleSeconds += Math.round((finished.at - called.at) / 1000);
    }
  }
  return withEffects(db, 'tickets', table.rows.length, errors, [...sums.values()], goodRows);
}

async function planDailyRows(db: Queryable, table: Table, read: Read, types: Map<string, BusinessTypeRecord>, today: string): Promise<TicketPlan> {
  const errors: ImportRowError[] = [];
  const counts: TicketCountRow[] = [];
  const candidates: { line: number; code: string; count: TicketCountRow }[] = [];
  const seen = new FirstSeen();
  for (const row of table.rows) {
    const rowErrors: ImportRowError[] = [];
    const type = businessTypeOf(row, read, types, rowErrors);
    const date = dateCell(read(row, 'date'));
    const rawDate = read(row, 'date');
    if (date === null) rowErrors.push(rowError(row.line, DAILY_COLUMNS.date, 'bad_value', rawDate === '' ? 'required' : `format: ${rawDate}`));
    else if (date >= today) rowErrors.push(rowError(row.line, DAILY_COLUMNS.date, 'bad_value', `future_date: ${rawDate}`));
    const rawCount = read(row, 'count');
    const count = /^\d+$/.test(rawCount) ? Number(rawCount) : null;
    if (count === null || count > 1_000_000) {
      const rule = rawCount === '' ? 'required' : /^-/.test(rawCount) ? 'negative' : /^-?\d*\.\d+$/.test(rawCount) ? 'not_integer' : 'format';
      rowErrors.push(rowError(row.line, DAILY_COLUMNS.count, 'bad_value', rawCount === '' ? rule : `${rule}: ${rawCount}`));
    }
    if (type && date !== null) {
      const first = seen.repeatOf(`${date}|${type.id}`, row.line);
      if (first !== null) rowErrors.push(rowError(row.line, DAILY_COLUMNS.businessType, 'duplicate_row', `line ${first}: ${date} ${type.code}`));
    }
    if (rowErrors.length > 0 || !type || date === null || count === null) {
      errors.push(...rowErrors);
      continue;
    }
    candidates.push({ line: row.line, code: type.code, count: { date, businessTypeId: type.id, slot: -1, arrivals: count, served: 0, handleSeconds: 0, waitSeconds: 0 } });
  }
  // A day whose tickets of the type are already stored per half-hour would be counted twice.
  const dates = candidates.map((candidate) => candidate.count.date).sort();
  const stored = dates.length > 0 ? await storedCountKeys(db, dates[0]!, dates[dates.length - 1]!) : new Map<string, number>();
  const ticketed = new Set([...stored.keys()].filter((key) => !key.endsWith('|-1')).map((key) => key.slice(0, key.lastIndexOf('|'))));
  for (const { line, code, count } of candidates) {
    if (ticketed.has(`${count.date}|${count.businessTypeId}`)) {
      errors.push(rowError(line, DAILY_COLUMNS.date, 'duplicate_row', `stored_tickets: ${count.date} ${code}`));
    } else {
      counts.push(count);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return withEffects(db, 'daily', table.rows.length, errors, counts, counts.length);
}

async function withEffects(db: Queryable, fileKind: TicketFileKind, totalRows: number, errors: ImportRowError[], counts: TicketCountRow[], goodRows: number): Promise<TicketPlan> {
  const dates = counts.map((count) => count.date).sort();
  const stored = dates.length > 0 ? await storedCountKeys(db, dates[0]!, dates[dates.length - 1]!) : new Map<string, number>();
  let toCreate = 0;
  let toUpdate = 0;
  let unchanged = 0;
  for (const count of counts) {
    const before = stored.get(countKey(count.date, count.businessTypeId, count.slot));
    if (before === undefined) toCreate += 1;
    else if (fileKind === 'daily' && before === count.arrivals) unchanged += 1;
    else toUpdate += 1;
  }
  return { fileKind, totalRows, errors, counts, goodRows, toCreate, toUpdate, unchanged };
}

export function reportOfTickets(plan: TicketPlan): ImportReport {
  return { kind: null, totalRows: plan.totalRows, goodRows: plan.goodRows, errors: plan.errors, toCreate: plan.toCreate, toUpdate: plan.toUpdate, unchanged: plan.unchanged };
}

function fileProblem(fileKind: TicketFileKind | null, totalRows: number, ...errors: ImportRowError[]): TicketPlan {
  return { fileKind, totalRows, errors, counts: [], goodRows: 0, toCreate: 0, toUpdate: 0, unchanged: 0 };
}

function businessTypeOf(row: SheetRow, read: Read, types: Map<string, BusinessTypeRecord>, errors: ImportRowError[]): BusinessTypeRecord | null {
  const name = read(row, 'businessType');
  const type = types.get(name.toLowerCase());
  if (!type) errors.push(rowError(row.line, TICKET_COLUMNS.businessType, 'unknown_business_type', name === '' ? 'required' : name));
  return type ?? null;
}

interface TicketTime {
  date: string;
  minuteOfDay: number;
  /** Milliseconds, for differences only. */
  at: number;
}

function timeCell(row: SheetRow, read: Read, field: 'taken' | 'called' | 'finished', required: boolean, errors: ImportRowError[]): TicketTime | null {
  const raw = read(row, field);
  if (raw === '') {
    if (required) errors.push(rowError(row.line, COLUMN_NAMES[field], 'bad_value', 'required'));
    return null;
  }
  const time = parseTicketTime(raw);
  if (!time) errors.push(rowError(row.line, COLUMN_NAMES[field], 'bad_value', `format: ${raw}`));
  return time;
}

const TIME_PATTERN = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** 'YYYY-MM-DD HH:MM[:SS]' (slashes, single digits or a T allowed), or null. */
export function parseTicketTime(text: string): TicketTime | null {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (!isRealIsoDate(date) || hour > 23 || minute > 59 || second > 59) return null;
  return { date, minuteOfDay: hour * 60 + minute, at: Date.UTC(Number(y), Number(mo) - 1, Number(d), hour, minute, second) };
}

/** 'YYYY-MM-DD' (slashes or dots allowed; an .xlsx date cell arrives with a midnight time). */
function dateCell(text: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+00:00(?::00)?)?$/.exec(text.trim());
  if (!match) return null;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isRealIsoDate(date) ? date : null;
}

function locateColumns(table: Table): Partial<Record<Field, number>> {
  const normal = table.header.map((name) => name.toLowerCase().replace(/[\s_\-.()（）]/g, ''));
  const found: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(HEADER_ALIASES) as Field[]) {
    const position = normal.findIndex((name) => HEADER_ALIASES[field].includes(name));
    if (position >= 0) found[field] = position;
  }
  return found;
}

function cellOf(row: SheetRow, position: number | undefined): string {
  return position === undefined ? '' : (row.cells[position] ?? '').trim();
}
