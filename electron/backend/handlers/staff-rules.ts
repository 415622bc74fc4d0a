/**
 * The staff rules that need the database or the clock; the contract has already checked formats.
 */
import { differenceInYears, parseISO } from 'date-fns';
import type { FieldErrors } from '../../contract/errors.ts';
import type { StaffDraft } from '../../contract/channels.ts';
import { residentIdBirthDate, residentIdGender } from '../../contract/rules.ts';
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, listZones } from '../../../data/repositories/centre.ts';
import { findCurrentStaffIdByIdNumber, findStaffIdByEmployeeNo } from '../../../data/repositories/staff.ts';

/** China's minimum working age (劳动法 第十五条). */
export const MINIMUM_WORKING_AGE = 16;

export async function checkStaffDraft(
  db: Queryable,
  draft: StaffDraft,
  today: string,
  selfId: number | null,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (draft.hireDate > today) errors.hireDate = 'future_date';
  if (differenceInYears(parseISO(draft.hireDate), parseISO(residentIdBirthDate(draft.idNumber))) < MINIMUM_WORKING_AGE) {
    errors.idNumber = 'too_young';
  }
  if (residentIdGender(draft.idNumber) !== draft.gender) errors.gender = 'gender_mismatch';
  if (draft.workStartDate) {
    const age = differenceInYears(parseISO(draft.workStartDate), parseISO(residentIdBirthDate(draft.idNumber)));
    if (draft.workStartDate > draft.hireDate || age < MINIMUM_WORKING_AGE) errors.workStartDate = 'out_of_range';
  }
  Object.assign(errors, await checkPlacement(db, draft));
  const employeeNoOwner = await findStaffIdByEmployeeNo(db, draft.employeeNo);
  if (employeeNoOwner !== undefined && employeeNoOwner !== selfId) errors.employeeNo = 'taken';
  const idNumberOwner = await findCurrentStaffIdByIdNumber(db, draft.idNumber);
  if (idNumberOwner !== undefined && idNumberOwner !== selfId) errors.idNumber ??= 'taken';
  return errors;
}

/** The home zone must exist; a zone's post must be of that zone (hall-wide posts fit anywhere). */
async function checkPlacement(db: Queryable, draft: StaffDraft): Promise<FieldErrors> {
  const zones = await listZones(db);
  if (!zones.some((zone) => zone.id === draft.homeZoneId)) return { homeZoneId: 'invalid_value' };
  if (draft.primaryPostId === null) return {};
  const post = (await listPosts(db)).find((candidate) => candidate.id === draft.primaryPostId);
  if (!post) return { primaryPostId: 'invalid_value' };
  if (post.zoneId !== null && post.zoneId !== draft.homeZoneId) return { primaryPostId: 'wrong_zone' };
  return {};
}
