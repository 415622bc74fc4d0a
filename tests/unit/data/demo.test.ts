import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../data/connection.ts';
import { migrate } from '../../../data/migrations/index.ts';
import { generateDemoCentre, PROBATION_DAYS } from '../../../data/demo/generate.ts';
import { seedDemoCentre } from '../../../data/demo/seed.ts';
import { listStaff } from '../../../data/repositories/staff.ts';
import { listWindows, listZones } from '../../../data/repositories/centre.ts';
import { hasValidResidentIdChecksum, isResidentIdShape, PHONE_PATTERN, residentIdGender } from '../../../electron/contract/rules.ts';
import { withTempDir } from '../../support/temp.ts';

const TODAY = '2026-11-22';

describe('demo centre', () => {
  const demo = generateDemoCentre({ today: TODAY });
  const current = demo.staff.filter((person) => !person.departed);

  it('is the same for the same seed and day, and different for another seed', () => {
    expect(generateDemoCentre({ today: TODAY })).toEqual(demo);
    expect(generateDemoCentre({ today: TODAY, seed: 7 }).staff.map((p) => p.name)).not.toEqual(demo.staff.map((p) => p.name));
  });

  it('has the six window zones of the seeds and a consultation desk, about 40 windows', () => {
    expect(demo.zones.filter((z) => z.kind === 'windows').map((z) => z.nameZh)).toEqual(['公安司法', '商事登记', '农林水务', '社会事务', '投资事务', '税务']);
    expect(demo.zones.filter((z) => z.kind === 'desk').map((z) => z.nameZh)).toEqual(['咨询引导台']);
    expect(demo.windows.filter((w) => w.kind === 'window')).toHaveLength(40);
    expect(demo.windows.filter((w) => w.kind === 'desk').length).toBeGreaterThanOrEqual(3);
  });

  it('employs about 120 people, with some on probation and some departed', () => {
    expect(current.length).toBeGreaterThanOrEqual(110);
    expect(current.length).toBeLessThanOrEqual(130);
    expect(demo.staff.some((p) => p.departed)).toBe(true);
    expect(current.filter((p) => p.status === 'probation').length).toBeGreaterThan(3);
  });

  it('gives everyone valid, unique, consistent particulars', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(demo.staff.map((p) => p.employeeNo))).toBe(true);
    expect(unique(demo.staff.map((p) => p.phone))).toBe(true);
    for (const person of demo.staff) {
      expect(isResidentIdShape(person.idNumber) && hasValidResidentIdChecksum(person.idNumber), person.idNumber).toBe(true);
      expect(residentIdGender(person.idNumber)).toBe(person.gender);
      expect(PHONE_PATTERN.test(person.phone)).toBe(true);
      expect(person.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(person.hireDate <= TODAY).toBe(true);
      if (person.departed) expect(person.departed.leftOn >= person.hireDate && person.departed.leftOn <= TODAY).toBe(true);
    }
  });

  it('puts on probation exactly those hired within the probation period', () => {
    const cutoff = new Date(Date.parse(TODAY) - PROBATION_DAYS * 86_400_000).toISOString().slice(0, 10);
    for (const person of current) expect(person.status === 'probation').toBe(person.hireDate > cutoff);
  });

  it('is written in one go into an empty database, and never over an existing centre', () =>
    withTempDir(async (dir) => {
      const db = await openDatabase(join(dir, 'centre.sqlite3'));
      await migrate(db);
      expect(await seedDemoCentre(db, { today: TODAY, now: `${TODAY}T02:00:00Z` })).toBe(true);
      expect(await listZones(db)).toHaveLength(7);
      expect(await listWindows(db)).toHaveLength(demo.windows.length);
      expect(await listStaff(db)).toHaveLength(demo.staff.length);
      expect(await seedDemoCentre(db, { today: TODAY, now: `${TODAY}T02:00:00Z` })).toBe(false);
      expect(await listStaff(db)).toHaveLength(demo.staff.length);
      await db.close();
    }));
});
