/**
 * Plans a skills file: one row per person and post. A row is matched by 工号 (its 姓名 must agree,
 * so a mistyped number cannot quietly land on someone else) and compared with the stored cell.
 * Cells the file does not mention are left as they are.
 */
import { QUALIFIED_LEVEL, type ImportRowError, type SkillLevel } from '../../contract/model.ts';
import { isRealIsoDate } from '../../contract/rules.ts';
import type { Queryable } from '../../../data/connection.ts';
import type { PostRecord } from '../../../data/repositories/centre.ts';
import { listSkillCells, type SkillCellRecord } from '../../../data/repositories/skills.ts';
import { listStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import { SKILL_COLUMNS } from './layouts.ts';
import { FirstSeen, rowError, ruleDetail, type RowPlan } from './plan.ts';
import { loadCentreBook, type CentreBook } from './reference.ts';
import { skillWrite, type SkillTarget } from './skill-write.ts';
import { ColumnReader, type SheetRow, type Table } from './table.ts';
import { levelOf } from './vocabulary.ts';

interface SkillPlanning {
  today: string;
  reader: ColumnReader;
  book: CentreBook;
  people: ReadonlyMap<string, StaffRecord>;
  cells: ReadonlyMap<string, SkillCellRecord>;
  pairs: FirstSeen;
}

export async function planSkillRows(db: Queryable, table: Table, today: string): Promise<RowPlan[]> {
  const planning: SkillPlanning = {
    today,
    reader: new ColumnReader(table.header),
    book: await loadCentreBook(db),
    people: new Map((await listStaff(db)).map((person) => [person.employeeNo.toLowerCase(), person])),
    cells: new Map((await listSkillCells(db)).map((cell) => [cellKey(cell.staffId, cell.postId), cell])),
    pairs: new FirstSeen(),
  };
  return table.rows.map((row) => planSkillRow(planning, row));
}

function cellKey(staffId: number, postId: number): string {
  return `${staffId}:${postId}`;
}

function planSkillRow(planning: SkillPlanning, row: SheetRow): RowPlan {
  const errors: ImportRowError[] = [];
  const person = readPerson(planning, row, errors);
  const post = readPost(planning, row, errors);
  const level = readLevel(planning, row, errors);
  const certifiedOn = readCertifiedOn(planning, row, level, errors);
  if (person && post) {
    const firstLine = planning.pairs.repeatOf(cellKey(person.id, post.id), row.line);
    if (firstLine !== null) errors.push(rowError(row.line, SKILL_COLUMNS.post, 'duplicate_row', ruleDetail(`line ${firstLine}`, post.code)));
  }
  if (errors.length > 0 || !person || !post || level === undefined) return { line: row.line, errors, effect: 'unchanged', write: null };
  return effectOf(planning, row.line, { staffId: person.id, postId: post.id, level, certifiedOn: level === 0 ? null : certifiedOn }, person);
}

function readPerson(planning: SkillPlanning, row: SheetRow, errors: ImportRowError[]): StaffRecord | undefined {
  const employeeNo = planning.reader.cell(row, SKILL_COLUMNS.employeeNo);
  const name = planning.reader.cell(row, SKILL_COLUMNS.name);
  if (employeeNo === '') {
    errors.push(rowError(row.line, SKILL_COLUMNS.employeeNo, 'bad_value', 'required'));
    return undefined;
  }
  const person = planning.people.get(employeeNo.toLowerCase());
  if (!person) errors.push(rowError(row.line, SKILL_COLUMNS.employeeNo, 'unknown_employee', employeeNo));
  else if (name !== person.name) errors.push(rowError(row.line, SKILL_COLUMNS.name, 'bad_value', ruleDetail('name_mismatch', `${name} ≠ ${person.name}`)));
  return person;
}

function readPost(planning: SkillPlanning, row: SheetRow, errors: ImportRowError[]): PostRecord | undefined {
  const text = planning.reader.cell(row, SKILL_COLUMNS.post);
  if (text === '') {
    errors.push(rowError(row.line, SKILL_COLUMNS.post, 'unknown_skill', 'required'));
    return undefined;
  }
  const lookup = planning.book.posts.find(text);
  if (lookup.found) return lookup.found;
  errors.push(rowError(row.line, SKILL_COLUMNS.post, 'unknown_skill', lookup.reason === 'ambiguous' ? ruleDetail('ambiguous', text) : text));
  return undefined;
}

function readLevel(planning: SkillPlanning, row: SheetRow, errors: ImportRowError[]): SkillLevel | undefined {
  const text = planning.reader.cell(row, SKILL_COLUMNS.level);
  const level = levelOf(text);
  if (level === undefined) errors.push(rowError(row.line, SKILL_COLUMNS.level, 'bad_level', text === '' ? 'required' : text));
  return level;
}

/** Independent work and mentoring are certified on a day, as `skills/setLevel` insists. */
function readCertifiedOn(planning: SkillPlanning, row: SheetRow, level: SkillLevel | undefined, errors: ImportRowError[]): string | null {
  const text = planning.reader.cell(row, SKILL_COLUMNS.certifiedOn);
  const problem = (rule: string) => {
    errors.push(rowError(row.line, SKILL_COLUMNS.certifiedOn, 'bad_value', ruleDetail(rule, text)));
    return null;
  };
  if (text === '') return level !== undefined && level >= QUALIFIED_LEVEL ? problem('required') : null;
  if (!isRealIsoDate(text)) return problem('format');
  if (text > planning.today) return problem('future_date');
  return text;
}

/** A departed person's skills are kept as they were: their rows may only repeat them. */
function effectOf(planning: SkillPlanning, line: number, target: SkillTarget, person: StaffRecord): RowPlan {
  const before = planning.cells.get(cellKey(target.staffId, target.postId));
  const beforeLevel = before?.level ?? 0;
  const beforeCertifiedOn = beforeLevel === 0 ? null : (before?.certifiedOn ?? null);
  if (beforeLevel === target.level && beforeCertifiedOn === target.certifiedOn) return { line, errors: [], effect: 'unchanged', write: null };
  if (person.status === 'departed') {
    return { line, errors: [rowError(line, SKILL_COLUMNS.employeeNo, 'bad_value', ruleDetail('departed', person.employeeNo))], effect: 'unchanged', write: null };
  }
  return { line, errors: [], effect: before ? 'update' : 'create', write: skillWrite(target, before) };
}
