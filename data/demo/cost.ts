import type { Queryable } from '../connection.ts';
import { COMMON_BASE_ONLY, COST_CITY_KEY, putSocialInsuranceRule, SOCIAL_INSURANCE_START_MONTH_KEY, replaceBudget, type SocialInsuranceRecord } from '../repositories/cost.ts';
import { putSetting } from '../repositories/settings.ts';

export const DEMO_CITY = '示范市';

/**
 * The demo city's social insurance, close to a mid-sized city's published figures (the base floor
 * and cap move every July with the city's average wage): pension 16%, medical 8%, unemployment
 * 0.5%, work injury 0.4%, maternity 0.8%, housing fund 5% — the employer's shares. The city's
 * contribution year runs July–June, so the rule named 2025 prices July 2025 to June 2026. One base
 * for all; the employee pays pension 8%, medical 2%, unemployment 0.5% and housing fund 5%; the
 * monthly minimum wage is 2,200 yuan, 2,300 from July 2026.
 */
export const DEMO_START_MONTH = 7;

const EMPLOYEE = { employeePension: 8, employeeMedical: 2, employeeUnemployment: 0.5, employeeHousingFund: 5 };
const DEMO_RULES: Omit<SocialInsuranceRecord, 'updatedAt'>[] = [
  {
    city: DEMO_CITY, year: 2025, baseFloor: 4492, baseCap: 22461, pension: 16, medical: 8, unemployment: 0.5, injury: 0.4, maternity: 0.8, housingFund: 5,
    ...COMMON_BASE_ONLY, ...EMPLOYEE, minimumWage: 2200,
  },
  {
    city: DEMO_CITY, year: 2026, baseFloor: 4588, baseCap: 22941, pension: 16, medical: 8, unemployment: 0.5, injury: 0.4, maternity: 0.8, housingFund: 5,
    ...COMMON_BASE_ONLY, ...EMPLOYEE, minimumWage: 2300,
  },
];

/** The demo contract's bid for 2026: 岗位人数 and 工资标准 per category, as a tender would set them. */
const DEMO_BUDGET_2026 = [
  { category: 'manager', headcount: 3, monthlyWage: 6200 },
  { category: 'window', headcount: 98, monthlyWage: 4300 },
  { category: 'desk', headcount: 16, monthlyWage: 4100 },
] as const;

export async function seedDemoCost(db: Queryable, now: string): Promise<void> {
  await putSetting(db, COST_CITY_KEY, DEMO_CITY);
  await putSetting(db, SOCIAL_INSURANCE_START_MONTH_KEY, String(DEMO_START_MONTH));
  for (const rule of DEMO_RULES) await putSocialInsuranceRule(db, { ...rule, updatedAt: now });
  await replaceBudget(db, 2026, DEMO_BUDGET_2026.map((line) => ({ ...line, updatedAt: now })));
}
