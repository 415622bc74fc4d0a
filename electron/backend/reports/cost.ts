/**
 * The cost of the contract for a month and the year so far, in the layout of the vendor's bid
 * (seed 001): per staff category the wage, overtime, social insurance, management fee and tax per
 * person, the head count, the month and the year; each person's month; the budget against it.
 */
import type { BudgetComparison, CostBudget, CostCategory, CostMonth, PersonCostRow } from '../../contract/areas/reports.ts';
import { COST_CATEGORIES } from '../../contract/areas/reports.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { getCentre, listPosts, listZones, type PostRecord, type ZoneRecord } from '../../../data/repositories/centre.ts';
import { listBudget } from '../../../data/repositories/cost.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import {
  budgetAgainstActual,
  budgetTable,
  cents,
  costTable,
  employedShare,
  personMonthCost,
  type CostRates,
  type CostTableRow,
  type PersonMonthCost,
} from '../../../solver/pay/cost.ts';
import { hoursOfMonths } from './hours.ts';
import { requireRule, requireRuleInForce, solverRule, wageOfGrade } from './cost-settings.ts';
import type { CostSettings } from '../../contract/areas/reports.ts';

/** The category a person is costed in: shift leads manage, the desk consults and guides, the rest serve at windows. */
export function categoryOf(person: Pick<StaffRecord, 'primaryPostId' | 'homeZoneId'>, posts: ReadonlyMap<number, PostRecord>, zones: ReadonlyMap<number, ZoneRecord>): CostCategory {
  const post = person.primaryPostId === null ? undefined : posts.get(person.primaryPostId);
  if (post?.function === 'lead') return 'manager';
  const zone = zones.get(post?.zoneId ?? person.homeZoneId);
  return zone?.kind === 'desk' ? 'desk' : 'window';
}

export function ratesOf(settings: CostSettings): CostRates {
  return { managementFeePercent: settings.managementFeePercent, vatPercent: settings.vatPercent, surchargePercentOfVat: settings.surchargePercentOfVat, vatMode: settings.vatMode };
}

export async function costMonth(db: Queryable, at: { year: number; month: number; today: string }): Promise<CostMonth> {
  const months = Array.from({ length: at.month }, (_, index) => index + 1);
  // Each month with the rule in force in it: January–June of a July city are the year before's.
  const inForce = await Promise.all(months.map((month) => requireRuleInForce(db, at.year, month)));
  const { settings, rule } = inForce[inForce.length - 1]!;
  const rates = ratesOf(settings);
  const hours = await hoursOfMonths(db, { year: at.year, months, today: at.today });
  const posts = new Map((await listPosts(db)).map((post) => [post.id, post]));
  const zones = new Map((await listZones(db)).map((zone) => [zone.id, zone]));
  const costed = hours.months.map((monthHours, index) =>
    monthHours.people.map(({ person, hours: personHours }) => {
      const monthlyWage = wageOfGrade(settings, person.wageGrade);
      const share = employedShare(monthHours.days, person.hireDate, person.status === 'departed' ? person.leftOn : null);
      const cost = personMonthCost(
        {
          staffId: person.id,
          category: categoryOf(person, posts, zones),
          monthlyWage,
          employedShare: share,
          overtime: { minutes150: personHours.overtime150Minutes, minutes200: personHours.overtime200Minutes, minutes300: personHours.overtime300Minutes },
        },
        solverRule(inForce[index]!.rule),
        rates,
      );
      return { person, monthlyWage, cost };
    }),
  );
  const totalsOf = (rows: readonly { cost: PersonMonthCost }[]) => {
    const totals = { manager: 0, window: 0, desk: 0, total: 0 };
    for (const { cost } of rows) {
      totals[cost.category] = cents(totals[cost.category] + cost.total);
      totals.total = cents(totals.total + cost.total);
    }
    return totals;
  };
  const monthTotals = costed.map((rows, index) => ({ month: months[index]!, totals: totalsOf(rows) }));
  const yearToDate = { manager: 0, window: 0, desk: 0 };
  for (const { totals } of monthTotals) for (const category of COST_CATEGORIES) yearToDate[category] = cents(yearToDate[category] + totals[category]);
  const current = costed[costed.length - 1] ?? [];
  const table = costTable(current.map((row) => row.cost), yearToDate);
  const centre = await getCentre(db);
  return {
    year: at.year,
    month: at.month,
    centreNameZh: centre?.nameZh ?? '',
    centreNameEn: centre?.nameEn ?? '',
    city: settings.city,
    rule,
    ruleFromMonth: settings.socialInsuranceStartMonth,
    rates: { ...rates, vatMode: settings.vatMode, taxPercent: settings.taxPercent },
    table,
    months: monthTotals,
    people: current.map(({ person, monthlyWage, cost }) => personRow(person, monthlyWage, cost)),
    budget: await budgetComparison(db, { year: at.year, month: at.month, settings, rule: solverRule(rule), rates, actual: table }),
  };
}

function personRow(person: StaffRecord, monthlyWage: number, cost: PersonMonthCost): PersonCostRow {
  return {
    staffId: person.id,
    employeeNo: person.employeeNo,
    name: person.name,
    zoneId: person.homeZoneId,
    category: cost.category,
    grade: person.wageGrade,
    monthlyWage,
    employedShare: cost.employedShare,
    wage: cost.wage,
    overtimePay: cost.overtimePay,
    socialInsuranceBase: cost.socialInsuranceBase,
    bases: cost.bases,
    socialInsurance: cost.socialInsurance,
    employeeShare: cost.employeeShare,
    minimumWageShortfall: cost.minimumWageShortfall,
    managementFee: cost.managementFee,
    tax: cost.tax,
    total: cost.total,
  };
}

async function budgetComparison(
  db: Queryable,
  input: { year: number; month: number; settings: CostSettings; rule: ReturnType<typeof solverRule>; rates: CostRates; actual: CostTableRow[] },
): Promise<BudgetComparison[] | null> {
  const lines = await listBudget(db, input.year);
  if (lines.length === 0) return null;
  const budget = budgetTable(lines, input.rule, input.rates);
  const heads = (rows: CostTableRow[], category: BudgetComparison['category']) => rows.find((row) => row.category === category)?.headcount ?? 0;
  return budgetAgainstActual(budget, input.actual).map((variance) => ({
    ...variance,
    budgetHeadcount: heads(budget, variance.category),
    actualHeadcount: heads(input.actual, variance.category),
    budgetYearToDate: cents(variance.budgetMonthly * input.month),
  }));
}

/** A year's budget lines and the bid's table they make at that year's rules. */
export async function costBudget(db: Queryable, year: number): Promise<CostBudget> {
  const lines = (await listBudget(db, year)).map(({ category, headcount, monthlyWage }) => ({ category, headcount, monthlyWage }));
  try {
    const { settings, rule } = await requireRule(db, year);
    return { year, lines, table: budgetTable(lines, solverRule(rule), ratesOf(settings)), rates: { managementFeePercent: settings.managementFeePercent, taxPercent: settings.taxPercent }, problem: null };
  } catch (caught) {
    if (caught instanceof AppFailure) return { year, lines, table: null, rates: null, problem: caught.message };
    throw caught;
  }
}
