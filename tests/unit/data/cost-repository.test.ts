import { seedPlainCentre } from '../../support/old-schema.ts';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../data/connection.ts';
import { migrate } from '../../../data/migrations/index.ts';
import {
  deleteSocialInsuranceRule,
  getSocialInsuranceRule,
  listBudget,
  listPayGrades,
  putPayGrade,
  COMMON_BASE_ONLY,
  putSocialInsuranceRule,
  replaceBudget,
  type SocialInsuranceRecord,
} from '../../../data/repositories/cost.ts';
import { withMigratedDb } from '../../support/db.ts';

const NOW = '2026-11-22T02:00:00.000Z';
const LATER = '2026-11-22T03:00:00.000Z';

const withDb = withMigratedDb;

const RULE: SocialInsuranceRecord = {
  city: '示范市', year: 2026, baseFloor: 4588, baseCap: 22941, pension: 16, medical: 8, unemployment: 0.5, injury: 0.4, maternity: 0.8, housingFund: 5, updatedAt: NOW,
  ...COMMON_BASE_ONLY,
};

const insertRule = (db: Database, rule: Partial<SocialInsuranceRecord>) => {
  const r = { ...RULE, ...rule };
  return db.run(
    `INSERT INTO social_insurance_rules (city, year, base_floor, base_cap, pension, medical, unemployment, injury, maternity, housing_fund, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.city, r.year, r.baseFloor, r.baseCap, r.pension, r.medical, r.unemployment, r.injury, r.maternity, r.housingFund, r.updatedAt],
  );
};

describe('migration 009', () => {
  it('adds pay_grades with the 12 default grades, social_insurance_rules and cost_budget as STRICT tables, keeping data written before it', () =>
    withDb(async (db) => {
      // Plain SQL: the demo seeder writes the latest schema, and this database is at 008.
      await seedPlainCentre(db, NOW, 120);
      await db.run("INSERT INTO settings (key, value) VALUES ('language', 'en')");
      const staffBefore = await db.all<{ id: number; wage_grade: number }>('SELECT id, wage_grade FROM staff ORDER BY id');
      expect(staffBefore.length).toBeGreaterThan(100);

      await migrate(db, 9);

      expect(await db.all<{ id: number; wage_grade: number }>('SELECT id, wage_grade FROM staff ORDER BY id')).toEqual(staffBefore);
      expect(await db.get('SELECT value FROM settings WHERE key = ?', ['language'])).toEqual({ value: 'en' });
      const strict = await db.all<{ name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('pay_grades', 'social_insurance_rules', 'cost_budget') ORDER BY name",
      );
      expect(strict).toEqual([
        { name: 'cost_budget', strict: 1 },
        { name: 'pay_grades', strict: 1 },
        { name: 'social_insurance_rules', strict: 1 },
      ]);
      const grades = await listPayGrades(db);
      expect(grades.map((g) => g.grade)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      // Wages rise with the grade, from 3,200 to 9,500 yuan.
      expect(grades[0]!.monthlyWage).toBe(3200);
      expect(grades[11]!.monthlyWage).toBe(9500);
      expect(grades.every((g, i) => i === 0 || g.monthlyWage > grades[i - 1]!.monthlyWage)).toBe(true);
      // Every grade the staff were written with before the migration has a wage after it.
      expect(staffBefore.every((person) => grades.some((g) => g.grade === person.wage_grade))).toBe(true);
      await expect(db.run("INSERT INTO cost_budget (year, category, headcount, monthly_wage, updated_at) VALUES (2026, 'window', 'many', 4300, ?)", [NOW])).rejects.toThrow(
        /cannot store TEXT value in INTEGER column/,
      );
      expect(await db.all('SELECT * FROM social_insurance_rules')).toEqual([]);
      expect(await db.all('SELECT * FROM cost_budget')).toEqual([]);
    }, 8));

  it('refuses a base cap below the floor, a rate over 100%, a grade outside 1–12 and an unknown staff category', () =>
    withDb(async (db) => {
      await insertRule(db, {});
      await expect(insertRule(db, { year: 2027, baseFloor: 5000, baseCap: 4999 })).rejects.toThrow(/CHECK/);
      await expect(insertRule(db, { year: 2027, pension: 100.5 })).rejects.toThrow(/CHECK/);
      await expect(insertRule(db, { year: 2027, housingFund: -1 })).rejects.toThrow(/CHECK/);
      await expect(insertRule(db, { year: 2027, city: '  ' })).rejects.toThrow(/CHECK/);
      // One rule per city and year.
      await expect(insertRule(db, {})).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
      await expect(db.run('INSERT INTO pay_grades (grade, monthly_wage) VALUES (13, 10000)')).rejects.toThrow(/CHECK/);
      await expect(db.run("INSERT INTO cost_budget (year, category, headcount, monthly_wage, updated_at) VALUES (2026, 'cleaner', 3, 3000, ?)", [NOW])).rejects.toThrow(/CHECK/);
      await expect(db.run("INSERT INTO cost_budget (year, category, headcount, monthly_wage, updated_at) VALUES (2026, 'window', -1, 3000, ?)", [NOW])).rejects.toThrow(/CHECK/);
      expect(await db.all('SELECT city, year FROM social_insurance_rules')).toEqual([{ city: '示范市', year: 2026 }]);
    }));
});

describe('the cost repository', () => {
  it('puts a rule over the same city and year, reads it back and deletes it, saying whether there was one', () =>
    withDb(async (db) => {
      await putSocialInsuranceRule(db, RULE);
      await putSocialInsuranceRule(db, { ...RULE, baseFloor: 4600, updatedAt: LATER });
      expect(await getSocialInsuranceRule(db, '示范市', 2026)).toEqual({ ...RULE, baseFloor: 4600, updatedAt: LATER });
      expect(await getSocialInsuranceRule(db, '示范市', 2025)).toBeUndefined();
      expect(await deleteSocialInsuranceRule(db, '示范市', 2026)).toBe(true);
      expect(await deleteSocialInsuranceRule(db, '示范市', 2026)).toBe(false);
    }));

  it('changes a pay grade in place', () =>
    withDb(async (db) => {
      await putPayGrade(db, { grade: 2, monthlyWage: 3650 });
      const grades = await listPayGrades(db);
      expect(grades).toHaveLength(12);
      expect(grades.find((g) => g.grade === 2)).toEqual({ grade: 2, monthlyWage: 3650 });
    }));

  it('replaces a year’s budget whole, in category order, and leaves other years alone', () =>
    withDb(async (db) => {
      await db.transaction(async (tx) => {
        await replaceBudget(tx, 2026, [
          { category: 'desk', headcount: 16, monthlyWage: 4100, updatedAt: NOW },
          { category: 'manager', headcount: 3, monthlyWage: 6200, updatedAt: NOW },
          { category: 'window', headcount: 98, monthlyWage: 4300, updatedAt: NOW },
        ]);
        await replaceBudget(tx, 2027, [{ category: 'window', headcount: 100, monthlyWage: 4400, updatedAt: NOW }]);
      });
      expect((await listBudget(db, 2026)).map((line) => line.category)).toEqual(['manager', 'window', 'desk']);

      await db.transaction((tx) => replaceBudget(tx, 2026, [{ category: 'window', headcount: 90, monthlyWage: 4500, updatedAt: LATER }]));
      expect(await listBudget(db, 2026)).toEqual([{ year: 2026, category: 'window', headcount: 90, monthlyWage: 4500, updatedAt: LATER }]);
      expect(await listBudget(db, 2027)).toEqual([{ year: 2027, category: 'window', headcount: 100, monthlyWage: 4400, updatedAt: NOW }]);

      // A bad line leaves the year as it was: the caller's transaction rolls the delete back too.
      await expect(
        db.transaction((tx) => replaceBudget(tx, 2026, [
          { category: 'manager', headcount: 2, monthlyWage: 6000, updatedAt: LATER },
          { category: 'manager', headcount: 3, monthlyWage: 6000, updatedAt: LATER },
        ])),
      ).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
      expect((await listBudget(db, 2026)).map((line) => [line.category, line.headcount])).toEqual([['window', 90]]);
    }));
});
