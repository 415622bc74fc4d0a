import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../data/connection.ts';
import { migrate } from '../../../data/migrations/index.ts';
import { insertZone } from '../../../data/repositories/centre.ts';
import {
  findCurrentStaffIdByIdNumber,
  findStaffIdByEmployeeNo,
  getStaff,
  insertStaff,
  markDeparted,
  updateStaff,
  type StaffFields,
} from '../../../data/repositories/staff.ts';
import { withTempDir } from '../../support/temp.ts';
import { validResidentId } from '../../support/people.ts';

const NOW = '2026-11-22T02:00:00.000Z';
const LATER = '2026-11-22T03:00:00.000Z';

function fields(overrides: Partial<StaffFields> = {}): StaffFields {
  return {
    employeeNo: 'ZW0100', name: '王芳', gender: 'F', phone: '13800138000', idNumber: validResidentId('1990-01-01', 'F'),
    hireDate: '2024-05-01', status: 'active', homeZoneId: 1, primaryPostId: null, contractType: 'standard',
    weeklyHourCap: 40, wageGrade: 3, ...overrides,
  };
}

async function withStaffDb(work: (db: Database) => Promise<void>) {
  await withTempDir(async (dir) => {
    const db = await openDatabase(join(dir, 'centre.sqlite3'));
    await migrate(db);
    await insertZone(db, { code: 'TX', nameZh: '税务', nameEn: 'Tax', kind: 'windows', sortOrder: 1 });
    try {
      await work(db);
    } finally {
      await db.close();
    }
  });
}

describe('staff repository', () => {
  it('stores a record and reads it back in the contract\'s shape', () =>
    withStaffDb(async (db) => {
      const id = await insertStaff(db, fields(), NOW);
      expect(await getStaff(db, id)).toEqual({ id, ...fields(), leftOn: null, leaveReason: null, workStartDate: null, version: 1, updatedAt: NOW });
    }));

  it('finds employee numbers without regard to case', () =>
    withStaffDb(async (db) => {
      const id = await insertStaff(db, fields({ employeeNo: 'ZW0100' }), NOW);
      expect(await findStaffIdByEmployeeNo(db, 'zw0100')).toBe(id);
      await expect(insertStaff(db, fields({ employeeNo: 'zw0100', idNumber: validResidentId('1991-01-01', 'F') }), NOW)).rejects.toThrow(/UNIQUE/);
    }));

  it('updates only the version it was given, and counts versions up', () =>
    withStaffDb(async (db) => {
      const id = await insertStaff(db, fields(), NOW);
      expect(await updateStaff(db, id, 1, fields({ phone: '13900139000' }), LATER)).toBe(true);
      expect(await updateStaff(db, id, 1, fields({ phone: '13700137000' }), LATER)).toBe(false);
      expect(await getStaff(db, id)).toMatchObject({ phone: '13900139000', version: 2, updatedAt: LATER });
    }));

  it('marks a departure with its date and frees the resident ID for a rehire', () =>
    withStaffDb(async (db) => {
      const id = await insertStaff(db, fields(), NOW);
      expect(await markDeparted(db, id, 1, '2026-10-31', '个人原因', LATER)).toBe(true);
      expect(await getStaff(db, id)).toMatchObject({ status: 'departed', leftOn: '2026-10-31', leaveReason: '个人原因', version: 2 });
      expect(await findCurrentStaffIdByIdNumber(db, fields().idNumber)).toBeUndefined();
      const rehired = await insertStaff(db, fields({ employeeNo: 'ZW0200' }), LATER);
      expect(await findCurrentStaffIdByIdNumber(db, fields().idNumber)).toBe(rehired);
    }));

  it('never lets two current records share a resident ID', () =>
    withStaffDb(async (db) => {
      await insertStaff(db, fields(), NOW);
      await expect(insertStaff(db, fields({ employeeNo: 'ZW0200' }), NOW)).rejects.toThrow(/UNIQUE/);
    }));
});
