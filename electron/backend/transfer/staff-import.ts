/**
 * Plans a staff file: each row is checked with the staff form's rules (the contract's schema, then
 * the rules that need the database), matched to a person by 工号, and turned into a create, an
 * update, a departure, or nothing.
 */
import { staffDraftSchema, type StaffDraft } from '../../contract/channels.ts';
import type { FieldErrors } from '../../contract/errors.ts';
import type { ImportFieldChange, ImportRowError, ImportUpdate, StaffStatus } from '../../contract/model.ts';
import { isRealIsoDate, maskResidentId } from '../../contract/rules.ts';
import { describeIssues } from '../../contract/validate.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import { checkStaffDraft } from '../handlers/staff-rules.ts';
import { STAFF_COLUMNS } from './layouts.ts';
import { FirstSeen, rowError, ruleDetail, type RowPlan } from './plan.ts';
import { loadCentreBook, type CentreBook } from './reference.ts';
import { FIELD_COLUMNS, readStaffRow, type DraftField, type StaffRowReading } from './staff-row.ts';
import { changedStaffKeys, staffWrite, type StaffImage } from './staff-write.ts';
import { CONTRACT_LABELS, GENDER_LABELS, STATUS_LABELS } from './vocabulary.ts';
import { ColumnReader, type SheetRow, type Table } from './table.ts';

const MAX_REASON_LENGTH = 200;

interface StaffPlanning {
  db: Queryable;
  today: string;
  reader: ColumnReader;
  book: CentreBook;
  /** Keyed by lower-case 工号: the database compares employee numbers without case. */
  people: ReadonlyMap<string, StaffRecord>;
  employeeNos: FirstSeen;
  idNumbers: FirstSeen;
}

export async function planStaffRows(db: Queryable, table: Table, today: string): Promise<RowPlan[]> {
  const people = new Map((await listStaff(db)).map((person) => [person.employeeNo.toLowerCase(), person]));
  const planning: StaffPlanning = {
    db, today, people, reader: new ColumnReader(table.header), book: await loadCentreBook(db),
    employeeNos: new FirstSeen(), idNumbers: new FirstSeen(),
  };
  const plans: RowPlan[] = [];
  for (const row of table.rows) plans.push(await planStaffRow(planning, row));
  return plans;
}

async function planStaffRow(planning: StaffPlanning, row: SheetRow): Promise<RowPlan> {
  const reading = readStaffRow(planning.reader, row, planning.book);
  const existing = planning.people.get(String(reading.input.employeeNo ?? '').toLowerCase());
  // A file exported with IDs masked names the stored person's ID by its mask: that is the stored ID.
  if (existing && reading.input.idNumber === maskResidentId(existing.idNumber)) reading.input.idNumber = existing.idNumber;
  // Before anything else: a 工号 stored for another person is never an update of that person.
  const stranger = existing ? identityError(row.line, existing, reading) : null;
  if (stranger) return badRow(row.line, [stranger]);
  reading.input.status = reading.status === 'departed' ? currentStatusOf(existing) : reading.status;
  const errors = [...reading.errors, ...duplicateErrors(planning, row.line, reading)];
  const parsed = staffDraftSchema.safeParse(reading.input);
  if (!parsed.success) {
    const fields = describeIssues(parsed.error.issues, reading.input);
    errors.push(...fieldErrors(row.line, fields, reading));
    return badRow(row.line, errors);
  }
  const draft = parsed.data;
  errors.push(...(await ruleErrors(planning, row.line, draft, reading.status, existing)));
  errors.push(...departureErrors(planning, row.line, reading, draft));
  if (errors.length > 0) return badRow(row.line, errors);
  return effectOf(row.line, imageOf(draft, reading), existing, planning.book);
}

/**
 * A row whose 工号 is stored under another name or resident ID describes someone else: taken as an
 * update it would turn the stored person into the new one, who would keep their skills, punches
 * and history. Both people are named (resident IDs to their last four), and the way out is said.
 */
function identityError(line: number, existing: StaffRecord, reading: StaffRowReading): ImportRowError | null {
  const name = String(reading.input.name ?? '').trim();
  const idNumber = String(reading.input.idNumber ?? '').trim().toUpperCase();
  const sameName = name === '' || name === existing.name;
  const sameId = idNumber === '' || idNumber === existing.idNumber.toUpperCase();
  if (sameName && sameId) return null;
  const params = {
    employeeNo: existing.employeeNo,
    storedName: existing.name,
    storedId: lastFour(existing.idNumber),
    rowName: name === '' ? existing.name : name,
    rowId: idNumber === '' ? lastFour(existing.idNumber) : lastFour(idNumber),
  };
  const detail = `工号 ${params.employeeNo} 已属于 ${params.storedName}（身份证 …${params.storedId}），本行是 ${params.rowName}（…${params.rowId}）。如是同一人改名，请先在人员档案中修改。`;
  return { ...rowError(line, STAFF_COLUMNS.employeeNo, 'identity_mismatch', detail), params };
}

function lastFour(idNumber: string): string {
  return idNumber.slice(-4);
}

/** A departed row still needs a status for the form's schema: the one the person had, or 在岗. */
function currentStatusOf(existing: StaffRecord | undefined): 'probation' | 'active' {
  return existing?.status === 'probation' ? 'probation' : 'active';
}

/** One error per cell and problem: a resident ID repeated in the file and taken in the database is one fix. */
function badRow(line: number, errors: ImportRowError[]): RowPlan {
  const seen = new Set<string>();
  const distinct = errors.filter((error) => {
    const key = `${error.column}\u0000${error.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { line, errors: distinct, effect: 'unchanged', write: null };
}

function fieldErrors(line: number, fields: FieldErrors, reading: StaffRowReading): ImportRowError[] {
  return Object.entries(fields)
    .filter(([field]) => !reading.reported.has(field as DraftField))
    .map(([field, problem]) => {
      const column = FIELD_COLUMNS[field as DraftField] ?? null;
      return rowError(line, column, 'bad_value', ruleDetail(problem, String(reading.input[field as DraftField] ?? '')));
    });
}

/** The same 工号 twice in one file, or one resident ID on two people still employed. */
function duplicateErrors(planning: StaffPlanning, line: number, reading: StaffRowReading): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const employeeNo = String(reading.input.employeeNo ?? '');
  const firstLine = employeeNo === '' ? null : planning.employeeNos.repeatOf(employeeNo.toLowerCase(), line);
  if (firstLine !== null) {
    errors.push(rowError(line, STAFF_COLUMNS.employeeNo, 'duplicate_employee_no', ruleDetail(`line ${firstLine}`, employeeNo)));
  }
  const idNumber = String(reading.input.idNumber ?? '').toUpperCase();
  const idFirstLine = idNumber === '' || reading.status === 'departed' ? null : planning.idNumbers.repeatOf(idNumber, line);
  if (idFirstLine !== null) {
    errors.push(rowError(line, STAFF_COLUMNS.idNumber, 'bad_value', ruleDetail('taken', `line ${idFirstLine}`)));
  }
  return errors;
}

/** The staff form's database rules; a departed record may share a resident ID with a later rehire. */
async function ruleErrors(
  planning: StaffPlanning,
  line: number,
  draft: StaffDraft,
  status: StaffStatus | undefined,
  existing: StaffRecord | undefined,
): Promise<ImportRowError[]> {
  const fields = await checkStaffDraft(planning.db, draft, planning.today, existing?.id ?? null);
  if (status === 'departed' && fields.idNumber === 'taken') delete fields.idNumber;
  // The value as the file writes it (男, 税务), never the stored code (「：M」, a post's id).
  return Object.entries(fields).map(([field, problem]) =>
    rowError(line, FIELD_COLUMNS[field as DraftField] ?? null, 'bad_value', ruleDetail(problem, fileValue(field, draft as unknown as Comparable, planning.book))),
  );
}

/** 离职 needs its date and reason, as `staff/deactivate` does; a current person needs neither. */
function departureErrors(planning: StaffPlanning, line: number, reading: StaffRowReading, draft: StaffDraft): ImportRowError[] {
  const dateError = (rule: string) => [rowError(line, STAFF_COLUMNS.leftOn, 'bad_value', ruleDetail(rule, reading.leftOn))];
  const reasonError = (rule: string) => [rowError(line, STAFF_COLUMNS.leaveReason, 'bad_value', rule)];
  if (reading.status !== 'departed') {
    return reading.leftOn === '' && reading.leaveReason === '' ? [] : dateError('invalid_value');
  }
  const errors: ImportRowError[] = [];
  if (reading.leftOn === '') errors.push(...dateError('required'));
  else if (!isRealIsoDate(reading.leftOn)) errors.push(...dateError('format'));
  else if (reading.leftOn > planning.today) errors.push(...dateError('future_date'));
  else if (reading.leftOn < draft.hireDate) errors.push(...dateError('before_hire'));
  if (reading.leaveReason === '') errors.push(...reasonError('required'));
  else if (reading.leaveReason.length > MAX_REASON_LENGTH) errors.push(...reasonError('too_long'));
  return errors;
}

function imageOf(draft: StaffDraft, reading: StaffRowReading): StaffImage {
  const departed = reading.status === 'departed';
  return {
    ...draft,
    status: departed ? 'departed' : draft.status,
    leftOn: departed ? reading.leftOn : null,
    leaveReason: departed ? reading.leaveReason : null,
  };
}

/** Departure freezes a record, as in the staff form: a departed person's row may only repeat it. */
function effectOf(line: number, image: StaffImage, existing: StaffRecord | undefined, book: CentreBook): RowPlan {
  if (!existing) return { line, errors: [], effect: 'create', write: staffWrite(image, undefined, []) };
  const changed = changedStaffKeys(existing, image);
  if (changed.length === 0) return { line, errors: [], effect: 'unchanged', write: null };
  if (existing.status === 'departed') {
    return badRow(line, [rowError(line, STAFF_COLUMNS.status, 'bad_value', ruleDetail('departed', changed.map((key) => columnOf(key)).join('、')))]);
  }
  const update: ImportUpdate = { line, employeeNo: existing.employeeNo, name: existing.name, changes: changed.map((key) => fieldChange(key, existing, image, book)) };
  return { line, errors: [], effect: 'update', write: staffWrite(image, existing, changed), update };
}

/** Record keys by the file column that carries them: the check step speaks the file's words. */
const KEY_COLUMNS: Readonly<Record<string, string>> = {
  ...STAFF_COLUMNS,
  homeZoneId: STAFF_COLUMNS.homeZone,
  primaryPostId: STAFF_COLUMNS.primaryPost,
};

function columnOf(key: string): string {
  return KEY_COLUMNS[key] ?? key;
}

type Comparable = Pick<StaffRecord, 'gender' | 'status' | 'contractType' | 'homeZoneId' | 'primaryPostId'> & Record<string, unknown>;

/** One field old → new, each value as the file writes it (女, 在岗, 税务, 标准工时 …). */
function fieldChange(key: string, existing: StaffRecord, image: StaffImage, book: CentreBook): ImportFieldChange {
  return { column: columnOf(key), from: fileValue(key, existing as unknown as Comparable, book), to: fileValue(key, image as unknown as Comparable, book) };
}

/** A field's value in the file's words: coded values by their label, places by their name. */
function fileValue(key: string, person: Comparable, book: CentreBook): string {
  const value = person[key];
  if (value === null || value === undefined) return '';
  if (key === 'gender') return GENDER_LABELS[person.gender] ?? String(value);
  if (key === 'status') return STATUS_LABELS[person.status] ?? String(value);
  if (key === 'contractType') return CONTRACT_LABELS[person.contractType] ?? String(value);
  if (key === 'homeZoneId') return book.zones.label(person.homeZoneId);
  if (key === 'primaryPostId') return book.posts.label(person.primaryPostId);
  return String(value);
}
