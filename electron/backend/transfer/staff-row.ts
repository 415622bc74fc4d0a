/**
 * One row of a staff file read into what the staff form would send, plus its departure. Words
 * (女, 在岗, 税务收件) become codes and ids here; the form's own rules are checked afterwards.
 */
import type { StaffDraftInput } from '../../contract/channels.ts';
import type { ImportRowError, StaffStatus } from '../../contract/model.ts';
import { STAFF_COLUMNS } from './layouts.ts';
import { rowError, ruleDetail } from './plan.ts';
import type { CentreBook, Lookup } from './reference.ts';
import type { ColumnReader, SheetRow } from './table.ts';
import { codeOf, contractTypeOf, GENDER_LABELS, STATUS_LABELS } from './vocabulary.ts';

export type DraftField = keyof StaffDraftInput;

/** The column each field of the draft is typed into, to point a broken rule at its cell. */
export const FIELD_COLUMNS: Readonly<Record<DraftField, string>> = {
  employeeNo: STAFF_COLUMNS.employeeNo,
  name: STAFF_COLUMNS.name,
  gender: STAFF_COLUMNS.gender,
  phone: STAFF_COLUMNS.phone,
  idNumber: STAFF_COLUMNS.idNumber,
  hireDate: STAFF_COLUMNS.hireDate,
  status: STAFF_COLUMNS.status,
  homeZoneId: STAFF_COLUMNS.homeZone,
  primaryPostId: STAFF_COLUMNS.primaryPost,
  contractType: STAFF_COLUMNS.contractType,
  weeklyHourCap: STAFF_COLUMNS.weeklyHourCap,
  wageGrade: STAFF_COLUMNS.wageGrade,
  workStartDate: STAFF_COLUMNS.workStartDate,
};

export interface StaffRowReading {
  /** Left loose on purpose: the contract's schema judges it next. */
  input: Record<DraftField, unknown>;
  status: StaffStatus | undefined;
  leftOn: string;
  leaveReason: string;
  /** Words not understood and places not found. */
  errors: ImportRowError[];
  /** Fields already in `errors`: the schema's verdict on them would only repeat the problem. */
  reported: Set<DraftField>;
}

export function readStaffRow(reader: ColumnReader, row: SheetRow, book: CentreBook): StaffRowReading {
  const text = (column: string) => reader.cell(row, column);
  const reading: StaffRowReading = {
    input: {
      employeeNo: optional(text(STAFF_COLUMNS.employeeNo)),
      name: optional(text(STAFF_COLUMNS.name)),
      gender: undefined,
      phone: optional(text(STAFF_COLUMNS.phone)),
      idNumber: optional(text(STAFF_COLUMNS.idNumber)),
      hireDate: optional(text(STAFF_COLUMNS.hireDate)),
      // Filled in by the planner: a departed row takes the status the person had before.
      status: undefined,
      homeZoneId: undefined,
      primaryPostId: undefined,
      contractType: undefined,
      weeklyHourCap: integerOrText(text(STAFF_COLUMNS.weeklyHourCap)),
      wageGrade: integerOrText(text(STAFF_COLUMNS.wageGrade)),
      // A file without the column keeps the stored date; an empty cell clears it.
      workStartDate: reader.has(STAFF_COLUMNS.workStartDate) ? optionalDate(text(STAFF_COLUMNS.workStartDate)) : undefined,
    },
    status: undefined,
    leftOn: text(STAFF_COLUMNS.leftOn),
    leaveReason: text(STAFF_COLUMNS.leaveReason),
    errors: [],
    reported: new Set(),
  };
  decodeWords(reading, row.line, text);
  placeRow(reading, row.line, text, book);
  return reading;
}

type CellText = (column: string) => string;

function report(reading: StaffRowReading, line: number, field: DraftField, problem: string, detail: string): void {
  reading.errors.push(rowError(line, FIELD_COLUMNS[field], problem, detail));
  reading.reported.add(field);
}

function decodeWords(reading: StaffRowReading, line: number, text: CellText): void {
  const unknownWord = (field: DraftField) => (value: string) => report(reading, line, field, 'bad_value', ruleDetail('invalid_value', value));
  reading.input.gender = word(text(STAFF_COLUMNS.gender), (value) => codeOf(GENDER_LABELS, value), unknownWord('gender'));
  reading.input.contractType = word(text(STAFF_COLUMNS.contractType), contractTypeOf, unknownWord('contractType'));
  reading.status = word(text(STAFF_COLUMNS.status), (value) => codeOf(STATUS_LABELS, value), unknownWord('status'));
  if (reading.status === undefined && !reading.reported.has('status')) report(reading, line, 'status', 'bad_value', 'required');
}

function placeRow(reading: StaffRowReading, line: number, text: CellText, book: CentreBook): void {
  reading.input.homeZoneId = place(text(STAFF_COLUMNS.homeZone), (value) => book.zones.find(value), (detail) =>
    report(reading, line, 'homeZoneId', 'unknown_zone', detail),
  );
  // An empty main post is allowed: new starters often have none yet.
  const postText = text(STAFF_COLUMNS.primaryPost);
  reading.input.primaryPostId = postText === ''
    ? null
    : place(postText, (value) => book.posts.find(value), (detail) => report(reading, line, 'primaryPostId', 'unknown_post', detail));
}

/** Empty reads as absent, so the schema says `required` rather than `too_short`. */
function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** Whole numbers become numbers; anything else stays text for the schema to call `invalid_type`. */
function integerOrText(text: string): number | string | undefined {
  if (text === '') return undefined;
  return /^[+-]?\d+(?:\.0+)?$/.test(text) ? Number(text) : text;
}

function word<T>(text: string, decode: (value: string) => T | undefined, unknown: (value: string) => void): T | undefined {
  if (text === '') return undefined;
  const code = decode(text);
  if (code === undefined) unknown(text);
  return code;
}

function place(text: string, find: (value: string) => Lookup<{ id: number }>, unknown: (detail: string) => void): number | undefined {
  if (text === '') return undefined;
  const lookup = find(text);
  if (lookup.found) return lookup.found.id;
  unknown(lookup.reason === 'ambiguous' ? ruleDetail('ambiguous', text) : text);
  return undefined;
}

function optionalDate(text: string): string | null {
  return text === '' ? null : text;
}
