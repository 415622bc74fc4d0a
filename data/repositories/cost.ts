import type { Queryable } from '../connection.ts';

/** The settings key naming the city whose social-insurance rules apply to the centre's staff. */
export const COST_CITY_KEY = 'cost.city';
/** The settings key of the month the city's contribution year (社保年度) starts in, 1–12. */
export const SOCIAL_INSURANCE_START_MONTH_KEY = 'cost.socialInsuranceStartMonth';

export interface PayGradeRecord {
  grade: number;
  monthlyWage: number;
}

export interface SocialInsuranceRecord {
  city: string;
  year: number;
  baseFloor: number;
  baseCap: number;
  pension: number;
  medical: number;
  unemployment: number;
  injury: number;
  maternity: number;
  housingFund: number;
  /** A base of its own where the city sets one; null: the common base. */
  pensionBaseFloor: number | null;
  pensionBaseCap: number | null;
  medicalBaseFloor: number | null;
  medicalBaseCap: number | null;
  housingFundBaseFloor: number | null;
  housingFundBaseCap: number | null;
  /** Employee shares in percent of the base. */
  employeePension: number;
  employeeMedical: number;
  employeeUnemployment: number;
  employeeHousingFund: number;
  /** 月最低工资标准; null when not entered. */
  minimumWage: number | null;
  updatedAt: string;
}

/** A rule's extras when the city has one base for all, no employee shares entered and no minimum wage. */
export const COMMON_BASE_ONLY = {
  pensionBaseFloor: null, pensionBaseCap: null, medicalBaseFloor: null, medicalBaseCap: null, housingFundBaseFloor: null, housingFundBaseCap: null,
  employeePension: 0, employeeMedical: 0, employeeUnemployment: 0, employeeHousingFund: 0, minimumWage: null,
} as const satisfies Partial<SocialInsuranceRecord>;

export type CostCategoryRecord = 'manager' | 'window' | 'desk';

export interface BudgetLineRecord {
  year: number;
  category: CostCategoryRecord;
  headcount: number;
  monthlyWage: number;
  updatedAt: string;
}

export async function listPayGrades(db: Queryable): Promise<PayGradeRecord[]> {
  return db.all<PayGradeRecord>('SELECT grade, monthly_wage AS monthlyWage FROM pay_grades ORDER BY grade');
}

export async function putPayGrade(db: Queryable, grade: PayGradeRecord): Promise<void> {
  await db.run(
    'INSERT INTO pay_grades (grade, monthly_wage) VALUES (?, ?) ON CONFLICT (grade) DO UPDATE SET monthly_wage = excluded.monthly_wage',
    [grade.grade, grade.monthlyWage],
  );
}

const RULE_COLUMNS = `city, year, base_floor AS baseFloor, base_cap AS baseCap, pension, medical, unemployment, injury,
  maternity, housing_fund AS housingFund, pension_base_floor AS pensionBaseFloor, pension_base_cap AS pensionBaseCap,
  medical_base_floor AS medicalBaseFloor, medical_base_cap AS medicalBaseCap, housing_fund_base_floor AS housingFundBaseFloor,
  housing_fund_base_cap AS housingFundBaseCap, employee_pension AS employeePension, employee_medical AS employeeMedical,
  employee_unemployment AS employeeUnemployment, employee_housing_fund AS employeeHousingFund, minimum_wage AS minimumWage,
  updated_at AS updatedAt`;

export async function listSocialInsuranceRules(db: Queryable): Promise<SocialInsuranceRecord[]> {
  return db.all<SocialInsuranceRecord>(`SELECT ${RULE_COLUMNS} FROM social_insurance_rules ORDER BY city, year DESC`);
}

export async function getSocialInsuranceRule(db: Queryable, city: string, year: number): Promise<SocialInsuranceRecord | undefined> {
  return db.get<SocialInsuranceRecord>(`SELECT ${RULE_COLUMNS} FROM social_insurance_rules WHERE city = ? AND year = ?`, [city, year]);
}

export async function putSocialInsuranceRule(db: Queryable, rule: SocialInsuranceRecord): Promise<void> {
  await db.run(
    `INSERT INTO social_insurance_rules (city, year, base_floor, base_cap, pension, medical, unemployment, injury, maternity, housing_fund,
       pension_base_floor, pension_base_cap, medical_base_floor, medical_base_cap, housing_fund_base_floor, housing_fund_base_cap,
       employee_pension, employee_medical, employee_unemployment, employee_housing_fund, minimum_wage, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (city, year) DO UPDATE SET base_floor = excluded.base_floor, base_cap = excluded.base_cap,
       pension = excluded.pension, medical = excluded.medical, unemployment = excluded.unemployment, injury = excluded.injury,
       maternity = excluded.maternity, housing_fund = excluded.housing_fund, pension_base_floor = excluded.pension_base_floor,
       pension_base_cap = excluded.pension_base_cap, medical_base_floor = excluded.medical_base_floor, medical_base_cap = excluded.medical_base_cap,
       housing_fund_base_floor = excluded.housing_fund_base_floor, housing_fund_base_cap = excluded.housing_fund_base_cap,
       employee_pension = excluded.employee_pension, employee_medical = excluded.employee_medical,
       employee_unemployment = excluded.employee_unemployment, employee_housing_fund = excluded.employee_housing_fund,
       minimum_wage = excluded.minimum_wage, updated_at = excluded.updated_at`,
    [
      rule.city, rule.year, rule.baseFloor, rule.baseCap, rule.pension, rule.medical, rule.unemployment, rule.injury, rule.maternity, rule.housingFund,
      rule.pensionBaseFloor, rule.pensionBaseCap, rule.medicalBaseFloor, rule.medicalBaseCap, rule.housingFundBaseFloor, rule.housingFundBaseCap,
      rule.employeePension, rule.employeeMedical, rule.employeeUnemployment, rule.employeeHousingFund, rule.minimumWage, rule.updatedAt,
    ],
  );
}

export async function deleteSocialInsuranceRule(db: Queryable, city: string, year: number): Promise<boolean> {
  const { changes } = await db.run('DELETE FROM social_insurance_rules WHERE city = ? AND year = ?', [city, year]);
  return changes > 0;
}

export async function listBudget(db: Queryable, year: number): Promise<BudgetLineRecord[]> {
  return db.all<BudgetLineRecord>(
    `SELECT year, category, headcount, monthly_wage AS monthlyWage, updated_at AS updatedAt FROM cost_budget WHERE year = ?
     ORDER BY CASE category WHEN 'manager' THEN 1 WHEN 'window' THEN 2 ELSE 3 END`,
    [year],
  );
}

/** Replaces a year's budget with `lines`: run it inside a transaction so the budget changes whole. */
export async function replaceBudget(db: Queryable, year: number, lines: readonly Omit<BudgetLineRecord, 'year'>[]): Promise<void> {
  await db.run('DELETE FROM cost_budget WHERE year = ?', [year]);
  for (const line of lines) {
    await db.run('INSERT INTO cost_budget (year, category, headcount, monthly_wage, updated_at) VALUES (?, ?, ?, ?, ?)', [
      year,
      line.category,
      line.headcount,
      line.monthlyWage,
      line.updatedAt,
    ]);
  }
}
