import type { StaffDraftInput } from '../../../../electron/contract/channels.ts';
import type { FieldErrors } from '../../../../electron/contract/errors.ts';
import type { Staff } from '../../../../electron/contract/model.ts';

/** What the form holds: text, exactly as typed, so nothing is lost while the user is mid-edit. */
export interface StaffFormValues {
  employeeNo: string;
  name: string;
  gender: string;
  phone: string;
  idNumber: string;
  hireDate: string;
  /** 参加工作日期; empty when unknown. */
  workStartDate: string;
  status: string;
  homeZoneId: string;
  primaryPostId: string;
  contractType: string;
  weeklyHourCap: string;
  wageGrade: string;
}

export function emptyStaffForm(today: string, homeZoneId: number | null): StaffFormValues {
  return {
    employeeNo: '',
    name: '',
    gender: 'F',
    phone: '',
    idNumber: '',
    hireDate: today,
    workStartDate: '',
    status: 'probation',
    homeZoneId: homeZoneId === null ? '' : String(homeZoneId),
    primaryPostId: '',
    contractType: 'standard',
    weeklyHourCap: '40',
    wageGrade: '1',
  };
}

export function staffToForm(staff: Staff): StaffFormValues {
  return {
    employeeNo: staff.employeeNo,
    name: staff.name,
    gender: staff.gender,
    phone: staff.phone,
    idNumber: staff.idNumber,
    hireDate: staff.hireDate,
    workStartDate: staff.workStartDate ?? '',
    status: staff.status,
    homeZoneId: String(staff.homeZoneId),
    primaryPostId: staff.primaryPostId === null ? '' : String(staff.primaryPostId),
    contractType: staff.contractType,
    weeklyHourCap: String(staff.weeklyHourCap),
    wageGrade: String(staff.wageGrade),
  };
}

/**
 * Turns the form into the contract's draft. It does not judge the values: an empty number is
 * left out so the backend answers "required", and odd text goes through to be named precisely.
 */
export function formToDraft(values: StaffFormValues): StaffDraftInput {
  return {
    employeeNo: values.employeeNo,
    name: values.name,
    gender: values.gender as StaffDraftInput['gender'],
    phone: values.phone,
    idNumber: values.idNumber,
    hireDate: values.hireDate,
    // Always sent: an emptied field clears the date.
    workStartDate: values.workStartDate === '' ? null : values.workStartDate,
    status: values.status as StaffDraftInput['status'],
    homeZoneId: optionalNumber(values.homeZoneId) as number,
    primaryPostId: values.primaryPostId === '' ? null : Number(values.primaryPostId),
    contractType: values.contractType as StaffDraftInput['contractType'],
    weeklyHourCap: optionalNumber(values.weeklyHourCap) as number,
    wageGrade: optionalNumber(values.wageGrade) as number,
  };
}

function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** The backend names fields by their path in the argument (`staff.phone`); the form by name. */
export function formErrors(fields: FieldErrors | undefined, prefix: string): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, problem] of Object.entries(fields ?? {})) {
    const name = path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
    result[name] = problem;
  }
  return result;
}
