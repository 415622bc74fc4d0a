/**
 * The cost settings as the reports need them: the city and its social-insurance rule for a year,
 * the management fee and tax, the pay grades, the 综合工时 cycle. A year without a rule is refused
 * with what to do, never priced with another year's base.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { CostSettings, HoursCycle, SocialInsuranceRule } from '../../contract/areas/reports.ts';
import { HOURS_CYCLES, VAT_MODES, type VatMode } from '../../contract/areas/reports.ts';
import type { Queryable } from '../../../data/connection.ts';
import { COST_CITY_KEY, getSocialInsuranceRule, SOCIAL_INSURANCE_START_MONTH_KEY, listPayGrades, listSocialInsuranceRules, putPayGrade } from '../../../data/repositories/cost.ts';
import { getSetting, putSetting } from '../../../data/repositories/settings.ts';
import type { TimeAccountPolicy } from '../../../solver/pay/time-account.ts';
import { readTimeAccountPolicy, writeTimeAccountPolicy } from './time-account.ts';
import { readBreakWindow, writeBreakWindow } from '../attendance/service.ts';
import {
  cityConstructionTaxOf,
  contributionYearOf,
  DEFAULT_COST_RATES,
  dispatchDifferenceTaxPercent,
  isStartMonth,
  taxPercent,
  type BaseLimits,
  type SocialInsuranceRule as SolverRule,
} from '../../../solver/pay/cost.ts';

export const COST_KEYS = {
  city: COST_CITY_KEY,
  managementFee: 'cost.managementFeePercent',
  vat: 'cost.vatPercent',
  surcharge: 'cost.surchargePercentOfVat',
  cycle: 'hours.comprehensiveCycle',
  /** The month the city's contribution year starts in (社保年度): 7 in most cities, 1 by default. */
  startMonth: SOCIAL_INSURANCE_START_MONTH_KEY,
  /** 'general' or 'dispatchDifference' (差额, 财税〔2016〕47号). */
  vatMode: 'cost.vatMode',
  /** 'true' or 'false': whether rest-day work given back as lieu counts toward the 36 h cap. */
  lieuCountsTowardCap: 'hours.lieuCountsTowardMonthlyCap',
} as const;

/** Without a setting the contribution year is the calendar year, as the rules were read before. */
export const DEFAULT_START_MONTH = 1;

export const DEFAULT_CYCLE: HoursCycle = 'month';

export async function readCostSettings(db: Queryable): Promise<CostSettings> {
  const managementFeePercent = await numberSetting(db, COST_KEYS.managementFee, DEFAULT_COST_RATES.managementFeePercent);
  const vatPercent = await numberSetting(db, COST_KEYS.vat, DEFAULT_COST_RATES.vatPercent);
  const surchargePercentOfVat = await numberSetting(db, COST_KEYS.surcharge, DEFAULT_COST_RATES.surchargePercentOfVat);
  const storedCycle = await getSetting(db, COST_KEYS.cycle);
  const startMonth = await numberSetting(db, COST_KEYS.startMonth, DEFAULT_START_MONTH);
  const storedMode = await getSetting(db, COST_KEYS.vatMode);
  const vatMode: VatMode = VAT_MODES.find((mode) => mode === storedMode) ?? 'general';
  const rates = { managementFeePercent, vatPercent, surchargePercentOfVat };
  return {
    city: (await getSetting(db, COST_KEYS.city)) ?? '',
    socialInsuranceStartMonth: isStartMonth(startMonth) ? startMonth : DEFAULT_START_MONTH,
    managementFeePercent,
    vatPercent,
    surchargePercentOfVat,
    taxPercent: taxPercent(rates),
    cityConstructionTaxPercent: cityConstructionTaxOf(surchargePercentOfVat),
    vatMode,
    dispatchDifferenceTaxPercent: dispatchDifferenceTaxPercent(rates),
    // The conservative reading unless the vendor has said otherwise.
    lieuCountsTowardMonthlyCap: (await getSetting(db, COST_KEYS.lieuCountsTowardCap)) !== 'false',
    comprehensiveCycle: HOURS_CYCLES.find((cycle) => cycle === storedCycle) ?? DEFAULT_CYCLE,
    payGrades: await listPayGrades(db),
    rules: await listSocialInsuranceRules(db),
    timeAccount: await readTimeAccountPolicy(db),
    lunchBreak: await readBreakWindow(db),
  };
}

export interface CostSettingsChange {
  city: string;
  managementFeePercent: number;
  vatPercent: number;
  surchargePercentOfVat: number;
  comprehensiveCycle: HoursCycle;
  /** Left out: the stored month stays. */
  socialInsuranceStartMonth?: number | undefined;
  vatMode?: VatMode | undefined;
  lieuCountsTowardMonthlyCap?: boolean | undefined;
  payGrades: { grade: number; monthlyWage: number }[];
  timeAccount?: TimeAccountPolicy;
  /** Left out: the stored break stays. */
  lunchBreak?: { startsAt: number; endsAt: number } | undefined;
}

export async function writeCostSettings(db: Queryable, change: CostSettingsChange): Promise<void> {
  const grades = change.payGrades.map((line) => line.grade);
  const repeated = grades.find((grade, index) => grades.indexOf(grade) !== index);
  if (repeated !== undefined) {
    throw new AppFailure('invalid_argument', `薪级 ${repeated} 出现了两次。 / Pay grade ${repeated} is listed twice.`, { payGrades: 'invalid_value' });
  }
  await putSetting(db, COST_KEYS.city, change.city.trim());
  await putSetting(db, COST_KEYS.managementFee, String(change.managementFeePercent));
  await putSetting(db, COST_KEYS.vat, String(change.vatPercent));
  await putSetting(db, COST_KEYS.surcharge, String(change.surchargePercentOfVat));
  await putSetting(db, COST_KEYS.cycle, change.comprehensiveCycle);
  if (change.lunchBreak) await writeBreakWindow(db, change.lunchBreak);
  if (change.timeAccount) await writeTimeAccountPolicy(db, change.timeAccount);
  if (change.socialInsuranceStartMonth !== undefined) await putSetting(db, COST_KEYS.startMonth, String(change.socialInsuranceStartMonth));
  if (change.vatMode !== undefined) await putSetting(db, COST_KEYS.vatMode, change.vatMode);
  if (change.lieuCountsTowardMonthlyCap !== undefined) await putSetting(db, COST_KEYS.lieuCountsTowardCap, String(change.lieuCountsTowardMonthlyCap));
  for (const line of change.payGrades) await putPayGrade(db, line);
}

/**
 * The rule in force in `month` of `year`: the one named by the contribution year the month falls in
 * (a January in a July city is priced with the rule of the July before). Refused, saying which
 * rule to enter, when there is none — never priced with another year's base.
 */
export async function requireRuleInForce(db: Queryable, year: number, month: number): Promise<{ settings: CostSettings; rule: SocialInsuranceRule }> {
  const settings = await readCostSettings(db);
  return { settings, rule: await requireNamedRule(db, settings, contributionYearOf(year, month, settings.socialInsuranceStartMonth), { year, month }) };
}

/** The rule named `ruleYear` (a budget is priced with its year's rule); refused as above. */
export async function requireRule(db: Queryable, ruleYear: number): Promise<{ settings: CostSettings; rule: SocialInsuranceRule }> {
  const settings = await readCostSettings(db);
  return { settings, rule: await requireNamedRule(db, settings, ruleYear, null) };
}

async function requireNamedRule(db: Queryable, settings: CostSettings, ruleYear: number, pricing: { year: number; month: number } | null): Promise<SocialInsuranceRule> {
  if (settings.city === '') {
    throw new AppFailure(
      'invalid_argument',
      '尚未设置社保参保城市：请在 报表 → 成本设置 中填写城市及其社保缴费基数与费率。 / No city is set for social insurance: enter it with its base and rates under Reports → Cost settings.',
    );
  }
  const rule = await getSocialInsuranceRule(db, settings.city, ruleYear);
  if (rule) return rule;
  const start = settings.socialInsuranceStartMonth;
  const forMonth = pricing && start !== 1 ? `（${pricing.year} 年 ${pricing.month} 月按 ${ruleYear} 年 ${start} 月起的社保年度计费）` : '';
  const forMonthEn = pricing && start !== 1 ? ` (${pricing.year}-${String(pricing.month).padStart(2, '0')} falls in the contribution year from ${ruleYear}-${String(start).padStart(2, '0')})` : '';
  throw new AppFailure(
    'invalid_argument',
    `${settings.city} ${ruleYear} 年的社保缴费基数与费率尚未录入${forMonth}：请在 报表 → 成本设置 中录入后再计算成本。 / ${settings.city} has no social-insurance base and rates for ${ruleYear}${forMonthEn}: enter them under Reports → Cost settings first.`,
  );
}

/** The wage of each grade; a grade missing from the table is an error in the settings, said so. */
export function wageOfGrade(settings: CostSettings, grade: number): number {
  const line = settings.payGrades.find((candidate) => candidate.grade === grade);
  if (!line) {
    throw new AppFailure('invalid_argument', `薪级 ${grade} 没有月工资：请在 报表 → 成本设置 中填写。 / Pay grade ${grade} has no monthly wage: set it under Reports → Cost settings.`);
  }
  return line.monthlyWage;
}

async function numberSetting(db: Queryable, key: string, fallback: number): Promise<number> {
  const value = await getSetting(db, key);
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** The solver's form of a stored rule: the rates in one object. */
export function solverRule(rule: SocialInsuranceRule): SolverRule {
  const { city, year, baseFloor, baseCap, pension, medical, unemployment, injury, maternity, housingFund } = rule;
  const limits = (floor: number | null, cap: number | null): BaseLimits | undefined => (floor === null || cap === null ? undefined : { floor, cap });
  const bases: NonNullable<SolverRule['bases']> = {};
  const pensionBase = limits(rule.pensionBaseFloor, rule.pensionBaseCap);
  const medicalBase = limits(rule.medicalBaseFloor, rule.medicalBaseCap);
  const housingFundBase = limits(rule.housingFundBaseFloor, rule.housingFundBaseCap);
  if (pensionBase) bases.pension = pensionBase;
  if (medicalBase) bases.medical = medicalBase;
  if (housingFundBase) bases.housingFund = housingFundBase;
  return {
    city, year, baseFloor, baseCap, rates: { pension, medical, unemployment, injury, maternity, housingFund }, bases,
    employeeRates: { pension: rule.employeePension, medical: rule.employeeMedical, unemployment: rule.employeeUnemployment, housingFund: rule.employeeHousingFund },
    minimumWage: rule.minimumWage,
  };
}
