import { describe, expect, it } from 'vitest';
import type { StaffRow } from '../../../electron/contract/model.ts';
import { filterStaff, DEFAULT_FILTER } from '../../../renderer/src/areas/staff/staff-filter.ts';
import { emptyStaffForm, formErrors, formToDraft } from '../../../renderer/src/areas/staff/staff-form-state.ts';

function row(overrides: Partial<StaffRow>): StaffRow {
  return {
    id: 1, employeeNo: 'ZW0001', name: '王芳', gender: 'F', phone: '13800138000', hireDate: '2024-01-01', status: 'active',
    leftOn: null, leaveReason: null, homeZoneId: 1, primaryPostId: null, contractType: 'standard', weeklyHourCap: 40,
    wageGrade: 1, workStartDate: null, version: 1, updatedAt: '', idNumberMasked: '', ...overrides,
  };
}

const rows = [
  row({ id: 1, name: '王芳', employeeNo: 'ZW0001', homeZoneId: 1 }),
  row({ id: 2, name: '李强', employeeNo: 'ZW0002', homeZoneId: 2, status: 'probation', phone: '13900001111' }),
  row({ id: 3, name: '张静', employeeNo: 'ZW0003', homeZoneId: 2, status: 'departed', leftOn: '2026-01-01' }),
];

describe('staff list filter', () => {
  it('shows people still employed by default', () => {
    expect(filterStaff(rows, DEFAULT_FILTER).map((r) => r.id)).toEqual([1, 2]);
  });

  it('filters by zone and status together', () => {
    expect(filterStaff(rows, { search: '', zoneId: 2, status: 'all' }).map((r) => r.id)).toEqual([2, 3]);
    expect(filterStaff(rows, { search: '', zoneId: 2, status: 'departed' }).map((r) => r.id)).toEqual([3]);
  });

  it('searches name, employee number (any case) and phone', () => {
    expect(filterStaff(rows, { ...DEFAULT_FILTER, search: '李' }).map((r) => r.id)).toEqual([2]);
    expect(filterStaff(rows, { ...DEFAULT_FILTER, search: 'zw0001' }).map((r) => r.id)).toEqual([1]);
    expect(filterStaff(rows, { ...DEFAULT_FILTER, search: '0000111' }).map((r) => r.id)).toEqual([2]);
  });
});

describe('staff form state', () => {
  it('starts a new person on probation, hired today, in the zone being viewed', () => {
    expect(emptyStaffForm('2026-11-22', 3)).toMatchObject({ hireDate: '2026-11-22', status: 'probation', homeZoneId: '3', weeklyHourCap: '40' });
  });

  it('leaves empty numbers out so the backend can call them required', () => {
    const draft = formToDraft({ ...emptyStaffForm('2026-11-22', null), weeklyHourCap: ' ', primaryPostId: '' });
    expect(draft.weeklyHourCap).toBeUndefined();
    expect(draft.homeZoneId).toBeUndefined();
    expect(draft.primaryPostId).toBeNull();
  });

  it('maps the backend\'s field paths onto the form\'s names', () => {
    expect(formErrors({ 'staff.phone': 'format', 'staff.employeeNo': 'taken' }, 'staff')).toEqual({ phone: 'format', employeeNo: 'taken' });
  });
});
