import { residentIdCheckChar } from '../../electron/contract/rules.ts';
import type { StaffDraftInput } from '../../electron/contract/channels.ts';

/** A valid resident ID for a birth date and gender, for tests that need one. */
export function validResidentId(birthDate: string, gender: 'F' | 'M', region = '330106', serial = '12'): string {
  const first17 = region + birthDate.replaceAll('-', '') + serial + (gender === 'M' ? '1' : '2');
  return first17 + residentIdCheckChar(first17);
}

export function draftStaff(overrides: Partial<StaffDraftInput> = {}): StaffDraftInput {
  return {
    employeeNo: 'T0001',
    name: '测试员',
    gender: 'F',
    phone: '13800138000',
    idNumber: validResidentId('1995-06-15', 'F'),
    hireDate: '2026-03-01',
    status: 'active',
    homeZoneId: 1,
    primaryPostId: null,
    contractType: 'standard',
    weeklyHourCap: 40,
    wageGrade: 2,
    ...overrides,
  };
}
