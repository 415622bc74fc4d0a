/**
 * The stored records as file rows, in the layouts' column order. Import reads these same words
 * back, which is what makes an export re-import as "all unchanged".
 */
import type { Queryable } from '../../../data/connection.ts';
import { listSkillCells } from '../../../data/repositories/skills.ts';
import { listStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import { maskResidentId } from '../../contract/rules.ts';
import type { CentreBook } from './reference.ts';
import { CONTRACT_LABELS, GENDER_LABELS, STATUS_LABELS } from './vocabulary.ts';

/** 'masked': 33************1234, as the staff list shows them; import takes it as the stored ID. */
export type IdNumbers = 'masked' | 'full';

export async function staffRows(db: Queryable, book: CentreBook, idNumbers: IdNumbers = 'masked'): Promise<string[][]> {
  return (await listStaff(db)).map((person) => [
    person.employeeNo,
    person.name,
    GENDER_LABELS[person.gender],
    person.phone,
    idNumbers === 'full' ? person.idNumber : maskResidentId(person.idNumber),
    person.hireDate,
    STATUS_LABELS[person.status],
    book.zones.label(person.homeZoneId),
    book.posts.label(person.primaryPostId),
    CONTRACT_LABELS[person.contractType],
    String(person.weeklyHourCap),
    String(person.wageGrade),
    person.leftOn ?? '',
    person.leaveReason ?? '',
    person.workStartDate ?? '',
  ]);
}

/** Level 0 means "not held", so only held skills are written; import leaves unmentioned cells alone. */
export async function skillRows(db: Queryable, book: CentreBook): Promise<string[][]> {
  const people = new Map<number, StaffRecord>((await listStaff(db)).map((person) => [person.id, person]));
  const postOrder = new Map(book.posts.records.map((post, index) => [post.id, index]));
  const held = (await listSkillCells(db)).filter((cell) => cell.level >= 1);
  const sorted = held
    .map((cell) => ({ cell, person: people.get(cell.staffId) }))
    .filter((entry): entry is { cell: (typeof held)[number]; person: StaffRecord } => entry.person !== undefined)
    .sort((a, b) => a.person.employeeNo.localeCompare(b.person.employeeNo) || (postOrder.get(a.cell.postId) ?? 0) - (postOrder.get(b.cell.postId) ?? 0));
  return sorted.map(({ cell, person }) => [
    person.employeeNo,
    person.name,
    book.posts.label(cell.postId),
    String(cell.level),
    cell.certifiedOn ?? '',
  ]);
}
