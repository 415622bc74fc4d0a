/**
 * How a planned staff row is written: the same repository calls, optimistic lock and audit entries
 * as the staff form, so an imported change reads in a person's history like a typed one.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { StaffStatus } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import {
  insertDepartedStaff,
  insertStaff,
  markDeparted,
  setWorkStartDate,
  updateStaff,
  type StaffFields,
  type StaffRecord,
} from '../../../data/repositories/staff.ts';
import type { ImportStamp, RowWrite } from './plan.ts';

/** A person as a file row states them: the form's fields plus the departure. */
export interface StaffImage extends Omit<StaffFields, 'status'> {
  status: StaffStatus;
  /** 参加工作日期; undefined when the file has no such column, so the stored date stays. */
  workStartDate?: string | null;
  leftOn: string | null;
  leaveReason: string | null;
}

const COMPARED_KEYS = [
  'employeeNo', 'name', 'gender', 'phone', 'idNumber', 'hireDate', 'status', 'homeZoneId',
  'primaryPostId', 'contractType', 'weeklyHourCap', 'wageGrade', 'leftOn', 'leaveReason',
] as const satisfies readonly (keyof StaffImage & keyof StaffRecord)[];

const DEPARTURE_KEYS: ReadonlySet<string> = new Set(['status', 'leftOn', 'leaveReason']);

export function changedStaffKeys(existing: StaffRecord, image: StaffImage): string[] {
  const changed: string[] = COMPARED_KEYS.filter((key) => existing[key] !== image[key]);
  if (image.workStartDate !== undefined && image.workStartDate !== existing.workStartDate) changed.push('workStartDate');
  return changed;
}

export function staffWrite(image: StaffImage, existing: StaffRecord | undefined, changed: string[]): RowWrite {
  return existing ? (tx, stamp) => updatePerson(tx, stamp, image, existing, changed) : (tx, stamp) => createPerson(tx, stamp, image);
}

async function createPerson(tx: Queryable, stamp: ImportStamp, image: StaffImage): Promise<void> {
  const fields = fieldsOf(image, 'active');
  const id = image.status === 'departed'
    ? await insertDepartedStaff(tx, fields, image.leftOn ?? '', image.leaveReason ?? '', stamp.at)
    : await insertStaff(tx, fields, stamp.at);
  if (image.workStartDate) await setWorkStartDate(tx, id, image.workStartDate);
  await audit(tx, stamp, id, 'create', { employeeNo: image.employeeNo, name: image.name });
}

/** Field changes first, then the departure, each bumping the version the next one names. */
async function updatePerson(tx: Queryable, stamp: ImportStamp, image: StaffImage, existing: StaffRecord, changed: string[]) {
  let version = existing.version;
  if (changed.includes('workStartDate')) await setWorkStartDate(tx, existing.id, image.workStartDate ?? null);
  const fieldChanges = changed.filter((key) => !DEPARTURE_KEYS.has(key) || (key === 'status' && image.status !== 'departed'));
  if (fieldChanges.length > 0) {
    const current = existing.status === 'probation' ? 'probation' : 'active';
    assertSaved(await updateStaff(tx, existing.id, version, fieldsOf(image, current), stamp.at), existing);
    version += 1;
    await audit(tx, stamp, existing.id, 'update', { changed: fieldChanges });
  }
  if (image.status === 'departed') {
    const leftOn = image.leftOn ?? '';
    const reason = image.leaveReason ?? '';
    assertSaved(await markDeparted(tx, existing.id, version, leftOn, reason, stamp.at), existing);
    await audit(tx, stamp, existing.id, 'deactivate', { leftOn, reason });
  }
}

/** A departing row keeps the status the person had until the departure itself is written. */
function fieldsOf(image: StaffImage, statusIfDeparted: 'probation' | 'active'): StaffFields {
  const { leftOn, leaveReason, status, workStartDate, ...rest } = image;
  void leftOn;
  void leaveReason;
  void workStartDate;
  return { ...rest, status: status === 'departed' ? statusIfDeparted : status };
}

/** The plan was made in this same transaction, so a refused save is a bug, not a user's race. */
function assertSaved(saved: boolean, person: StaffRecord): void {
  if (!saved) throw new AppFailure('conflict', `${person.name} (${person.employeeNo}) changed while importing`);
}

function audit(tx: Queryable, stamp: ImportStamp, id: number, action: string, detail: Record<string, unknown>) {
  return appendAudit(tx, { at: stamp.at, actor: stamp.actor, entity: 'staff', entityId: id, action, detail: { ...detail, importedFrom: stamp.fileName } });
}
