/**
 * What a person-month costs the client, and the budget table of the tender (seed 001: 人员, 工资标准,
 * 社保, 管理费5%, 税率6.72%, 每人每月费用, 岗位人数, 月度合计, 年度合计). Pure: wages, hours and the
 * city's social-insurance rule in, yuan out.
 *
 * Money is yuan rounded to cents, component by component; every sum is a sum of rounded parts, so
 * each figure on the sheet can be re-added from the figures beside it.
 *
 *   hourlyWage      = monthlyWage / 21.75 / 8, rounded to cents (the rate a pay slip states, which
 *                     the overtime is computed from)
 *   wage            = monthlyWage × employedShare
 *   overtimePay     = hourlyWage × (1.5·h150 + 2·h200 + 3·h300), h = minutes / 60 (the tiers of
 *                     ./tiers.ts, which the roster's cost reads too). The statutory
 *                     300% is on top of the day's normal pay, which the monthly wage already holds.
 *   SI base         = clamp(monthlyWage, floor, cap) per insurance: pension, medical (with maternity)
 *                     and the housing fund each take their own floor and cap where the city sets
 *                     them, the rest (and any without) the rule's baseFloor–baseCap; with the rule in force that month: a city's
 *                     rule named year Y holds from its contribution year's first month of Y (July in
 *                     most cities) until that month of Y + 1, so January is priced with the rule of
 *                     the July before (`contributionYearOf`)
 *   socialInsurance = Σ over the bases of (base × Σ its employer rates / 100, rounded), in full for
 *                     any month the person was employed at all (contributions are monthly, not
 *                     prorated), else 0; one base is one rounding, as before separate bases
 *   employeeShare   = the same with the employee's rates: withheld from the wage, so no cost to the
 *                     client, but on the person's month and the pay slip
 *   minimum wage    = the month's wage for normal hours (wage, not overtime or allowances) against
 *                     the city's monthly minimum × the employed share: a shortfall is a warning
 *   subtotal        = wage + overtimePay + socialInsurance
 *   managementFee   = subtotal × managementFeePercent / 100                     (5%)
 *   tax             = (subtotal + managementFee) × taxPercent / 100
 *   taxPercent      = VAT × (1 + surcharges / 100) = 6 × 1.12 = 6.72 (城建税 7% + 教育费附加 3% +
 *                     地方教育附加 2% = 12% of the VAT; 城建税 is 5% in a county town, 1% elsewhere)
 *   差额 (dispatch)  = labour dispatch may pay VAT at 5% on the price less the wages, insurance and
 *                     housing fund paid for the workers (财税〔2016〕47号): tax = managementFee ×
 *                     5 × (1 + surcharges / 100) / 100, the fee being what is left of the price
 *   total           = subtotal + managementFee + tax
 */
import { isWorkingKind, type DayKind } from '../calendar/china-calendar.ts';
import { overtimeHours } from './tiers.ts';

/** 管理负责人 / 窗口服务人员 / 咨询引导人员 */
export type CostCategory = 'manager' | 'window' | 'desk';
export const COST_CATEGORIES: readonly CostCategory[] = ['manager', 'window', 'desk'];

/** Employer shares, in percent of the base. */
export interface SocialInsuranceRates {
  pension: number;
  medical: number;
  unemployment: number;
  injury: number;
  maternity: number;
  housingFund: number;
}

/** A floor and cap of one contribution base. */
export interface BaseLimits {
  floor: number;
  cap: number;
}

/** The insurances that may have a base of their own; medical carries maternity with it. */
export type SeparateBase = 'pension' | 'medical' | 'housingFund';
export const SEPARATE_BASES: readonly SeparateBase[] = ['pension', 'medical', 'housingFund'];

/** Employee shares, in percent of the base (injury and maternity are the employer's alone). */
export interface EmployeeRates {
  pension: number;
  medical: number;
  unemployment: number;
  housingFund: number;
}

export const NO_EMPLOYEE_RATES: EmployeeRates = { pension: 0, medical: 0, unemployment: 0, housingFund: 0 };

/** One city's contribution base limits and employer rates for one year. */
export interface SocialInsuranceRule {
  city: string;
  year: number;
  baseFloor: number;
  baseCap: number;
  rates: SocialInsuranceRates;
  /** Where the city sets them: a base of their own, else baseFloor–baseCap. */
  bases?: Partial<Record<SeparateBase, BaseLimits>>;
  employeeRates?: EmployeeRates;
  /** The city's monthly minimum wage (月最低工资标准); null when not entered. */
  minimumWage?: number | null;
}

/** Which base each insurance is charged on. */
const BASE_OF: Record<keyof SocialInsuranceRates, SeparateBase | 'common'> = {
  pension: 'pension',
  unemployment: 'common',
  injury: 'common',
  medical: 'medical',
  maternity: 'medical',
  housingFund: 'housingFund',
};

/** The base of each kind for a wage: the wage held within the kind's floor and cap. */
export function contributionBases(monthlyWage: number, rule: SocialInsuranceRule): Record<SeparateBase | 'common', number> {
  const clamp = (limits: BaseLimits) => Math.min(limits.cap, Math.max(limits.floor, monthlyWage));
  const common = clamp({ floor: rule.baseFloor, cap: rule.baseCap });
  const own = (kind: SeparateBase) => (rule.bases?.[kind] ? clamp(rule.bases[kind]) : common);
  return { common, pension: own('pension'), medical: own('medical'), housingFund: own('housingFund') };
}

/** Σ base × rate over the insurances, one rounding per base (one base: one rounding). */
function contributions(bases: Record<SeparateBase | 'common', number>, rates: Partial<SocialInsuranceRates>): number {
  const percentByBase = new Map<SeparateBase | 'common', number>();
  for (const [insurance, rate] of Object.entries(rates) as [keyof SocialInsuranceRates, number][]) {
    const kind = BASE_OF[insurance];
    // Bases equal in amount are one base, so a city without separate bases rounds once.
    const key = (['common', 'pension', 'medical', 'housingFund'] as const).find((candidate) => bases[candidate] === bases[kind])!;
    percentByBase.set(key, (percentByBase.get(key) ?? 0) + rate);
  }
  let total = 0;
  for (const [kind, percent] of percentByBase) total += cents((bases[kind] * percent) / 100);
  return cents(total);
}

/** Calendar months 1–12 a contribution year may start in; 1 is the calendar year. */
export function isStartMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/**
 * The year named by the rule in force in `month` of `year`, when the city's contribution year
 * starts in `startMonth`: from July 2025 to June 2026 it is 2025 for a July city.
 */
export function contributionYearOf(year: number, month: number, startMonth: number): number {
  if (!isStartMonth(startMonth)) throw new RangeError(`start month ${startMonth} is not 1–12`);
  return month >= startMonth ? year : year - 1;
}

/** 'general': VAT on the whole price; 'dispatchDifference': 5% on the price less the pass-through (差额). */
export type VatMode = 'general' | 'dispatchDifference';
export const VAT_MODES: readonly VatMode[] = ['general', 'dispatchDifference'];
/** 简易计税 5% on the difference for labour dispatch (财税〔2016〕47号). */
export const DISPATCH_DIFFERENCE_VAT_PERCENT = 5;

/** 城建税: 7% in a city, 5% in a county town or 镇, 1% elsewhere; of the VAT. */
export const CITY_CONSTRUCTION_TAX_PERCENTS = [7, 5, 1] as const;
/** 教育费附加 3% + 地方教育附加 2%, of the VAT, wherever the centre is. */
export const EDUCATION_SURCHARGES_PERCENT = 5;

export function surchargeOfCityConstructionTax(cityConstructionTaxPercent: number): number {
  return cityConstructionTaxPercent + EDUCATION_SURCHARGES_PERCENT;
}

/** The 城建税 rate a surcharge holds, when it is one of the three; else null (a custom surcharge). */
export function cityConstructionTaxOf(surchargePercentOfVat: number): number | null {
  const rate = surchargePercentOfVat - EDUCATION_SURCHARGES_PERCENT;
  return CITY_CONSTRUCTION_TAX_PERCENTS.find((candidate) => Math.abs(candidate - rate) < 1e-9) ?? null;
}

export interface CostRates {
  managementFeePercent: number;
  vatPercent: number;
  /** City surcharges on the VAT, in percent of the VAT. */
  surchargePercentOfVat: number;
  /** Left out: 'general'. */
  vatMode?: VatMode;
}

export const DEFAULT_COST_RATES: CostRates = { managementFeePercent: 5, vatPercent: 6, surchargePercentOfVat: 12 };

/** Under 差额, the tax on the management fee (the difference) in percent of it: 5 × 1.12 = 5.6. */
export function dispatchDifferenceTaxPercent(rates: CostRates): number {
  return taxPercent({ ...rates, vatPercent: DISPATCH_DIFFERENCE_VAT_PERCENT });
}

/** The tax on the invoice as a percent of it: 6 × 1.12 = 6.72. */
export function taxPercent(rates: CostRates): number {
  return Math.round((rates.vatPercent + (rates.vatPercent * rates.surchargePercentOfVat) / 100) * 1e6) / 1e6;
}

/** Paid days in a month for payroll: (365 − 104 weekend days) / 12. */
export const PAID_DAYS_PER_MONTH = 21.75;

export function hourlyWage(monthlyWage: number): number {
  return cents(monthlyWage / PAID_DAYS_PER_MONTH / 8);
}

/**
 * The share of a month's wage earned: 1 when employed all month, else employed paid days
 * (working and statutory days: the days 21.75 counts) / 21.75, at most 1. `days` are the month's.
 */
export function employedShare(days: { date: string; kind: DayKind }[], hireDate: string, leftOn: string | null): number {
  const employed = days.filter((day) => hireDate <= day.date && (leftOn === null || day.date <= leftOn));
  if (employed.length === days.length) return days.length === 0 ? 0 : 1;
  const paid = employed.filter((day) => isWorkingKind(day.kind) || day.kind === 'statutory').length;
  return Math.min(1, paid / PAID_DAYS_PER_MONTH);
}

export interface PersonMonthCostInput {
  staffId: number;
  category: CostCategory;
  monthlyWage: number;
  employedShare: number;
  overtime: { minutes150: number; minutes200: number; minutes300: number };
}

export interface PersonMonthCost {
  staffId: number;
  category: CostCategory;
  employedShare: number;
  /** Prorated by the employed share. */
  wage: number;
  hourlyWage: number;
  overtimePay: number;
  /** The common base (unemployment, injury, and the others without their own). */
  socialInsuranceBase: number;
  /** Each base: equal to the common one where the city has no separate base. */
  bases: Record<SeparateBase, number>;
  socialInsurance: number;
  /** Withheld from the wage: not in the subtotal. */
  employeeShare: number;
  /** The city's minimum × the employed share less the normal-hours wage, when short; else 0. */
  minimumWageShortfall: number;
  subtotal: number;
  managementFee: number;
  tax: number;
  total: number;
}

export function personMonthCost(input: PersonMonthCostInput, rule: SocialInsuranceRule, rates: CostRates): PersonMonthCost {
  const rate = hourlyWage(input.monthlyWage);
  const { minutes150, minutes200, minutes300 } = input.overtime;
  const weightedHours = overtimeHours({ overtime150: minutes150, overtime200: minutes200, overtime300: minutes300 });
  const bases = contributionBases(input.monthlyWage, rule);
  const employed = input.employedShare > 0;
  const wage = cents(input.monthlyWage * input.employedShare);
  const overtimePay = cents(rate * weightedHours);
  const socialInsurance = employed ? contributions(bases, rule.rates) : 0;
  const employeeShare = employed ? contributions(bases, rule.employeeRates ?? NO_EMPLOYEE_RATES) : 0;
  const subtotal = cents(wage + overtimePay + socialInsurance);
  const managementFee = cents((subtotal * rates.managementFeePercent) / 100);
  const tax = taxOf(rates, subtotal, managementFee);
  return {
    staffId: input.staffId, category: input.category, employedShare: input.employedShare, wage, hourlyWage: rate, overtimePay,
    socialInsuranceBase: bases.common, bases: { pension: bases.pension, medical: bases.medical, housingFund: bases.housingFund },
    socialInsurance, employeeShare, minimumWageShortfall: minimumWageShortfall(wage, input.employedShare, rule.minimumWage ?? null),
    subtotal, managementFee, tax, total: cents(subtotal + managementFee + tax),
  };
}

/** General: VAT and surcharges on subtotal + fee. 差额: the pass-through (the subtotal) is taken off first. */
function taxOf(rates: CostRates, subtotal: number, managementFee: number): number {
  if (rates.vatMode === 'dispatchDifference') return cents((managementFee * dispatchDifferenceTaxPercent(rates)) / 100);
  return cents(((subtotal + managementFee) * taxPercent(rates)) / 100);
}

/**
 * How far the wage for normal hours falls short of the minimum wage for the part of the month
 * employed; overtime and allowances never make up the minimum (最低工资规定 art. 12). 0 when it
 * does not, or when the city's minimum is not entered.
 */
export function minimumWageShortfall(normalHoursWage: number, employedShareOfMonth: number, minimumWage: number | null): number {
  if (minimumWage === null || employedShareOfMonth <= 0) return 0;
  return Math.max(0, cents(cents(minimumWage * employedShareOfMonth) - normalHoursWage));
}

// ——— the table ———

/** A category's row of the table, or the 合计 row ('total'). Per-person figures are averages. */
export interface CostTableRow {
  category: CostCategory | 'total';
  headcount: number;
  wagePerPerson: number;
  overtimePerPerson: number;
  socialInsurancePerPerson: number;
  managementFeePerPerson: number;
  taxPerPerson: number;
  perPersonMonthly: number;
  monthlyTotal: number;
  yearlyTotal: number;
}

/**
 * The month's table from its person-months: a row per category (manager, window, desk) and the
 * 合计 row. `yearToDate` holds each category's actual total for the year through this month; without
 * it (a projection) the year is 12 × the month.
 */
export function costTable(rows: PersonMonthCost[], yearToDate?: Record<CostCategory, number>): CostTableRow[] {
  return table(
    rows.map((cost) => ({ cost, times: 1, heads: cost.employedShare > 0 ? 1 : 0 })),
    (category, monthly) => (yearToDate ? cents(yearToDate[category]) : cents(monthly * 12)),
  );
}

export interface BudgetLine {
  category: CostCategory;
  headcount: number;
  monthlyWage: number;
}

/** The tender's table from a plan: every budgeted person all month, no overtime; a year is 12 months. */
export function budgetTable(lines: BudgetLine[], rule: SocialInsuranceRule, rates: CostRates): CostTableRow[] {
  const noOvertime = { minutes150: 0, minutes200: 0, minutes300: 0 };
  return table(
    lines.map((line) => ({
      cost: personMonthCost({ staffId: 0, category: line.category, monthlyWage: line.monthlyWage, employedShare: 1, overtime: noOvertime }, rule, rates),
      times: line.headcount,
      heads: line.headcount,
    })),
    (_category, monthly) => cents(monthly * 12),
  );
}

/**
 * Person-months of one kind, `times` over (a budget line is many identical people), and the
 * heads they add (a person-month of someone not employed that month adds money, if any, but no head).
 */
interface Weighted {
  cost: PersonMonthCost;
  times: number;
  heads: number;
}

type Sums = Record<'headcount' | 'wage' | 'overtime' | 'socialInsurance' | 'managementFee' | 'tax' | 'total', number>;

function table(entries: Weighted[], yearly: (category: CostCategory, monthly: number) => number): CostTableRow[] {
  const rows = COST_CATEGORIES.map((category) => {
    const sums = sumsOf(entries.filter((entry) => entry.cost.category === category));
    return rowOf(category, sums, yearly(category, sums.total));
  });
  const all = sumsOf(entries);
  return [...rows, rowOf('total', all, cents(rows.reduce((total, row) => total + row.yearlyTotal, 0)))];
}

function sumsOf(entries: Weighted[]): Sums {
  const sums: Sums = { headcount: 0, wage: 0, overtime: 0, socialInsurance: 0, managementFee: 0, tax: 0, total: 0 };
  for (const { cost, times, heads } of entries) {
    sums.headcount += heads;
    sums.wage += cost.wage * times;
    sums.overtime += cost.overtimePay * times;
    sums.socialInsurance += cost.socialInsurance * times;
    sums.managementFee += cost.managementFee * times;
    sums.tax += cost.tax * times;
    sums.total += cost.total * times;
  }
  return sums;
}

function rowOf(category: CostTableRow['category'], sums: Sums, yearlyTotal: number): CostTableRow {
  const each = (amount: number) => (sums.headcount === 0 ? 0 : cents(amount / sums.headcount));
  return {
    category,
    headcount: sums.headcount,
    wagePerPerson: each(sums.wage),
    overtimePerPerson: each(sums.overtime),
    socialInsurancePerPerson: each(sums.socialInsurance),
    managementFeePerPerson: each(sums.managementFee),
    taxPerPerson: each(sums.tax),
    perPersonMonthly: each(sums.total),
    monthlyTotal: cents(sums.total),
    yearlyTotal,
  };
}

export interface BudgetVariance {
  category: CostCategory | 'total';
  budgetMonthly: number;
  actualMonthly: number;
  /** Actual − budget: positive when over budget. */
  difference: number;
  /** Of the budget, one decimal; null when nothing was budgeted. */
  differencePercent: number | null;
  budgetYearly: number;
  actualYearToDate: number;
}

/** The month's actual table against the budget, row by row (the 合计 row last). */
export function budgetAgainstActual(budget: CostTableRow[], actual: CostTableRow[]): BudgetVariance[] {
  return [...COST_CATEGORIES, 'total' as const].map((category) => {
    const planned = budget.find((row) => row.category === category);
    const spent = actual.find((row) => row.category === category);
    const budgetMonthly = planned?.monthlyTotal ?? 0;
    const actualMonthly = spent?.monthlyTotal ?? 0;
    const difference = cents(actualMonthly - budgetMonthly);
    return {
      category,
      budgetMonthly,
      actualMonthly,
      difference,
      differencePercent: budgetMonthly === 0 ? null : Math.round((difference / budgetMonthly) * 1000) / 10,
      budgetYearly: planned?.yearlyTotal ?? 0,
      actualYearToDate: spent?.yearlyTotal ?? 0,
    };
  });
}

/**
 * Rounds yuan to cents, half away from zero. The product is first cut to 15 significant digits so
 * binary dust (1.005 × 100 = 100.49999…) does not round the wrong way.
 */
export function cents(yuan: number): number {
  const scaled = Number((yuan * 100).toPrecision(15));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return rounded / 100 + 0;
}
