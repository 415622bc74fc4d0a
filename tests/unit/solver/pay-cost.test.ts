import { describe, expect, it } from 'vitest';
import { buildYear } from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';
import {
  DEFAULT_COST_RATES,
  PAID_DAYS_PER_MONTH,
  budgetAgainstActual,
  budgetTable,
  costTable,
  employedShare,
  hourlyWage,
  personMonthCost,
  taxPercent,
  type CostCategory,
  type PersonMonthCostInput,
  type SocialInsuranceRule,
} from '../../../solver/pay/cost.ts';

/*
 * Employer rates of a made-up city: pension 16 + medical 7.2 + unemployment 0.5 + injury 0.4 +
 * maternity 0.8 + housing fund 5 = 29.9% of the base.
 */
const RATES = { pension: 16, medical: 7.2, unemployment: 0.5, injury: 0.4, maternity: 0.8, housingFund: 5 };
const CITY: SocialInsuranceRule = { city: '示例市', year: 2026, baseFloor: 4000, baseCap: 20_000, rates: RATES };
/** Seed 001's base: 2019 contributions on 5,346.5 yuan (used here as the floor), capped at 5 × it. */
const SEED: SocialInsuranceRule = { city: '示例市', year: 2019, baseFloor: 5346.5, baseCap: 26_732.5, rates: RATES };

const NO_OVERTIME = { minutes150: 0, minutes200: 0, minutes300: 0 };
const YEAR = buildYear(NOTICE_2026);
const monthOf = (month: string) => YEAR.filter((day) => day.date.startsWith(`${month}-`));

function person(staffId: number, category: CostCategory, monthlyWage: number, extra: Partial<PersonMonthCostInput> = {}) {
  return personMonthCost({ staffId, category, monthlyWage, employedShare: 1, overtime: NO_OVERTIME, ...extra }, CITY, DEFAULT_COST_RATES);
}

describe('rates', () => {
  it('takes the tax as VAT 6% plus 12% of it in city surcharges: 6.72%', () => {
    // 城建税 7% + 教育费附加 3% + 地方教育附加 2% = 12% of the VAT: 6 × 1.12 = 6.72.
    expect(taxPercent(DEFAULT_COST_RATES)).toBe(6.72);
    // A county seat (城建税 5%): 6 × 1.10 = 6.6.
    expect(taxPercent({ ...DEFAULT_COST_RATES, surchargePercentOfVat: 10 })).toBe(6.6);
    expect(DEFAULT_COST_RATES.managementFeePercent).toBe(5);
  });

  it('converts a monthly wage to an hourly one over 21.75 days of 8 h', () => {
    // 4,500 / 21.75 / 8 = 25.8620… → 25.86.
    expect(PAID_DAYS_PER_MONTH).toBe(21.75);
    expect(hourlyWage(4500)).toBe(25.86);
  });
});

describe('the share of a month employed', () => {
  it('is 1 for a whole month, and at most 1 for a month with more than 21.75 paid days', () => {
    expect(employedShare(monthOf('2026-03'), '2025-06-01', null)).toBe(1);
    // Hired Monday 3/2: every working day of March (22) but not Sunday 3/1: 22 / 21.75 → 1.
    expect(employedShare(monthOf('2026-03'), '2026-03-02', null)).toBe(1);
  });

  it('counts working and statutory days, not holiday rest, for someone hired mid-month', () => {
    // Hired 3/18: 10 working days (3/18–3/20, 3/23–3/27, 3/30–3/31) / 21.75.
    expect(employedShare(monthOf('2026-03'), '2026-03-18', null)).toBeCloseTo(10 / 21.75, 12);
    // Hired 10/2: statutory 10/2, 10/3; holiday rest 10/4–10/7 unpaid; working 10/8, 10/9, make-up
    // Saturday 10/10 and 15 weekdays 10/12–10/30: 20 / 21.75.
    expect(employedShare(monthOf('2026-10'), '2026-10-02', null)).toBeCloseTo(20 / 21.75, 12);
    // Left on 10/9: statutory 10/1–10/3, working 10/8–10/9: 5 / 21.75.
    expect(employedShare(monthOf('2026-10'), '2024-01-01', '2026-10-09')).toBeCloseTo(5 / 21.75, 12);
  });

  it('is 0 for a month before the hire', () => {
    expect(employedShare(monthOf('2026-03'), '2026-04-01', null)).toBe(0);
  });
});

describe('the cost of a person-month', () => {
  it('adds up one window clerk by hand', () => {
    // Wage 4,500, employed all month. Overtime 2 h at 150%, 8 h at 200%, 8 h at 300%:
    //   hourly 4,500 / 21.75 / 8 = 25.86; 25.86 × (1.5×2 + 2×8 + 3×8 = 43) = 1,111.98
    //   SI base 4,500 (within 4,000–20,000) × 29.9% = 1,345.50
    //   subtotal 4,500 + 1,111.98 + 1,345.50 = 6,957.48
    //   management fee 5%: 347.874 → 347.87
    //   tax 6.72% of 6,957.48 + 347.87 = 7,305.35: 490.91952 → 490.92
    //   total 6,957.48 + 347.87 + 490.92 = 7,796.27
    const cost = person(11, 'window', 4500, { overtime: { minutes150: 120, minutes200: 480, minutes300: 480 } });
    expect(cost).toEqual({
      staffId: 11, category: 'window', employedShare: 1, wage: 4500, hourlyWage: 25.86, overtimePay: 1111.98,
      socialInsuranceBase: 4500, bases: { pension: 4500, medical: 4500, housingFund: 4500 }, socialInsurance: 1345.5, employeeShare: 0,
      minimumWageShortfall: 0, subtotal: 6957.48, managementFee: 347.87, tax: 490.92, total: 7796.27,
    });
  });

  it('clamps the social-insurance base at the floor and at the cap', () => {
    // Seed 001's base 5,346.5: a 4,500 wage pays on 5,346.5 × 29.9% = 1,598.6035 → 1,598.60;
    // a 30,000 wage on the cap 26,732.5 × 29.9% = 7,993.0175 → 7,993.02.
    const low = personMonthCost({ staffId: 1, category: 'window', monthlyWage: 4500, employedShare: 1, overtime: NO_OVERTIME }, SEED, DEFAULT_COST_RATES);
    expect(low).toMatchObject({ socialInsuranceBase: 5346.5, socialInsurance: 1598.6, wage: 4500 });
    const high = personMonthCost({ staffId: 2, category: 'manager', monthlyWage: 30_000, employedShare: 1, overtime: NO_OVERTIME }, SEED, DEFAULT_COST_RATES);
    expect(high).toMatchObject({ socialInsuranceBase: 26_732.5, socialInsurance: 7993.02, wage: 30_000 });
  });

  it('prorates the wage of a mid-month hire but charges the month\'s social insurance in full', () => {
    // Hired 3/18: 4,500 × 10 / 21.75 = 2,068.9655 → 2,068.97; SI 1,345.50 in full.
    //   subtotal 3,414.47; fee 170.7235 → 170.72; tax 6.72% of 3,585.19 = 240.924768 → 240.92; total 3,826.11.
    const cost = person(12, 'desk', 4500, { employedShare: employedShare(monthOf('2026-03'), '2026-03-18', null) });
    expect(cost).toMatchObject({ wage: 2068.97, socialInsurance: 1345.5, subtotal: 3414.47, managementFee: 170.72, tax: 240.92, total: 3826.11 });
  });

  it('costs nothing for a month the person was not employed', () => {
    expect(person(13, 'desk', 4500, { employedShare: 0 })).toMatchObject({ wage: 0, socialInsurance: 0, total: 0 });
  });
});

describe('the month\'s table', () => {
  // manager 8,000: SI 2,392.00, subtotal 10,392.00, fee 519.60, tax 6.72% of 10,911.60 = 733.26, total 11,644.86
  // window 4,500 plain: SI 1,345.50, subtotal 5,845.50, fee 292.28, tax of 6,137.78 = 412.46, total 6,550.24
  // window 4,500 with the overtime above: 7,796.27
  // desk 4,200: SI 1,255.80, subtotal 5,455.80, fee 272.79, tax of 5,728.59 = 384.96, total 6,113.55
  // desk 4,200 not employed this month: 0, and no head.
  const rows = [
    person(1, 'manager', 8000),
    person(2, 'window', 4500, { overtime: { minutes150: 120, minutes200: 480, minutes300: 480 } }),
    person(3, 'window', 4500),
    person(4, 'desk', 4200),
    person(5, 'desk', 4200, { employedShare: 0 }),
  ];

  it('gives a row per category, in order, and per-person averages', () => {
    const table = costTable(rows);
    expect(table.map((row) => row.category)).toEqual(['manager', 'window', 'desk', 'total']);
    expect(table[0]).toMatchObject({ headcount: 1, wagePerPerson: 8000, socialInsurancePerPerson: 2392, managementFeePerPerson: 519.6, taxPerPerson: 733.26, perPersonMonthly: 11_644.86, monthlyTotal: 11_644.86 });
    // window: 7,796.27 + 6,550.24 = 14,346.51; per person 7,173.255 → 7,173.26; overtime 1,111.98 / 2 = 555.99.
    expect(table[1]).toMatchObject({ headcount: 2, overtimePerPerson: 555.99, perPersonMonthly: 7173.26, monthlyTotal: 14_346.51 });
    expect(table[2]).toMatchObject({ headcount: 1, perPersonMonthly: 6113.55, monthlyTotal: 6113.55 });
  });

  it('makes the 合计 row the sum of its categories', () => {
    const table = costTable(rows);
    const categories = table.slice(0, 3);
    const total = table[3]!;
    const sum = (pick: (row: (typeof table)[number]) => number) => Math.round(categories.reduce((acc, row) => acc + pick(row), 0) * 100) / 100;
    expect(total.headcount).toBe(sum((row) => row.headcount));
    expect(total.monthlyTotal).toBe(sum((row) => row.monthlyTotal));
    expect(total.yearlyTotal).toBe(sum((row) => row.yearlyTotal));
    // 11,644.86 + 14,346.51 + 6,113.55 = 32,104.92 over 4 people: 8,026.23.
    expect(total).toMatchObject({ headcount: 4, monthlyTotal: 32_104.92, perPersonMonthly: 8026.23 });
  });

  it('takes the year from the year-to-date totals for an actual month, and 12 months for a projection', () => {
    expect(costTable(rows).map((row) => row.yearlyTotal)).toEqual([139_738.32, 172_158.12, 73_362.6, 385_259.04]);
    const table = costTable(rows, { manager: 34_934.58, window: 40_000, desk: 18_000.5 });
    expect(table.map((row) => row.yearlyTotal)).toEqual([34_934.58, 40_000, 18_000.5, 92_935.08]);
  });
});

describe('the budget table', () => {
  // Seed 001's shape: 1 manager and 93 window and desk staff, on the seed's base 5,346.5.
  //   manager 8,000: 11,644.86 (as above: the base is over the floor)
  //   window 4,500 on 5,346.5: SI 1,598.60, subtotal 6,098.60, fee 304.93, tax of 6,403.53 = 430.32, total 6,833.85
  //   desk 4,200 on 5,346.5: SI 1,598.60, subtotal 5,798.60, fee 289.93, tax of 6,088.53 = 409.15, total 6,497.68
  const lines = [
    { category: 'manager' as const, headcount: 1, monthlyWage: 8000 },
    { category: 'window' as const, headcount: 90, monthlyWage: 4500 },
    { category: 'desk' as const, headcount: 3, monthlyWage: 4200 },
  ];
  const table = budgetTable(lines, SEED, DEFAULT_COST_RATES);

  it('costs every budgeted person for the whole month without overtime', () => {
    expect(table[1]).toMatchObject({ category: 'window', headcount: 90, wagePerPerson: 4500, overtimePerPerson: 0, socialInsurancePerPerson: 1598.6, managementFeePerPerson: 304.93, taxPerPerson: 430.32, perPersonMonthly: 6833.85, monthlyTotal: 615_046.5 });
    expect(table[2]).toMatchObject({ headcount: 3, perPersonMonthly: 6497.68, monthlyTotal: 19_493.04 });
    // 11,644.86 + 615,046.50 + 19,493.04 = 646,184.40 for 94 people.
    expect(table[3]).toMatchObject({ category: 'total', headcount: 94, monthlyTotal: 646_184.4 });
  });

  it('makes each row\'s year 12 × its month', () => {
    for (const row of table) expect(row.yearlyTotal).toBe(Math.round(row.monthlyTotal * 12 * 100) / 100);
    expect(table[3]!.yearlyTotal).toBe(7_754_212.8);
  });
});

describe('budget against actual', () => {
  it('gives the difference per category and in percent of the budget, null where nothing was budgeted', () => {
    // Budget (CITY's floor 4,000): manager 11,644.86; window 2 × 6,550.24 = 13,100.48; no desk.
    const budget = budgetTable([
      { category: 'manager', headcount: 1, monthlyWage: 8000 },
      { category: 'window', headcount: 2, monthlyWage: 4500 },
    ], CITY, DEFAULT_COST_RATES);
    const actual = costTable([
      person(1, 'manager', 8000),
      person(2, 'window', 4500, { overtime: { minutes150: 120, minutes200: 480, minutes300: 480 } }),
      person(3, 'window', 4500),
      person(4, 'desk', 4200),
    ], { manager: 34_934.58, window: 40_000, desk: 6113.55 });
    const variance = budgetAgainstActual(budget, actual);
    expect(variance.map((row) => row.category)).toEqual(['manager', 'window', 'desk', 'total']);
    expect(variance[0]).toEqual({ category: 'manager', budgetMonthly: 11_644.86, actualMonthly: 11_644.86, difference: 0, differencePercent: 0, budgetYearly: 139_738.32, actualYearToDate: 34_934.58 });
    // 14,346.51 − 13,100.48 = 1,246.03: 9.51% over → 9.5.
    expect(variance[1]).toMatchObject({ budgetMonthly: 13_100.48, actualMonthly: 14_346.51, difference: 1246.03, differencePercent: 9.5, budgetYearly: 157_205.76 });
    expect(variance[2]).toMatchObject({ budgetMonthly: 0, actualMonthly: 6113.55, difference: 6113.55, differencePercent: null });
    // 32,104.92 − 24,745.34 = 7,359.58: 29.74% → 29.7.
    expect(variance[3]).toMatchObject({ budgetMonthly: 24_745.34, actualMonthly: 32_104.92, difference: 7359.58, differencePercent: 29.7 });
  });
});

describe('the social-insurance rule in force in a month', () => {
  it('names the July before for January–June of a July city, and the calendar year for a January city', async () => {
    const { contributionYearOf } = await import('../../../solver/pay/cost.ts');
    expect(contributionYearOf(2026, 1, 7)).toBe(2025);
    expect(contributionYearOf(2026, 6, 7)).toBe(2025);
    expect(contributionYearOf(2026, 7, 7)).toBe(2026);
    expect(contributionYearOf(2026, 12, 7)).toBe(2026);
    expect(contributionYearOf(2026, 1, 1)).toBe(2026);
    expect(contributionYearOf(2026, 12, 1)).toBe(2026);
    expect(() => contributionYearOf(2026, 1, 13)).toThrow(RangeError);
  });
});

describe('separate bases, the employee share and the minimum wage', () => {
  // A city with a pension base of its own (4,500–22,000) and a housing fund floor below the others
  // (2,500–30,000); medical shares the common 4,000–20,000.
  const SEPARATE: SocialInsuranceRule = {
    ...CITY,
    bases: { pension: { floor: 4500, cap: 22_000 }, housingFund: { floor: 2500, cap: 30_000 } },
    employeeRates: { pension: 8, medical: 2, unemployment: 0.5, housingFund: 5 },
    minimumWage: 3400,
  };
  const cost = (wage: number, extra: Partial<PersonMonthCostInput> = {}) =>
    personMonthCost({ staffId: 1, category: 'window', monthlyWage: wage, employedShare: 1, overtime: NO_OVERTIME, ...extra }, SEPARATE, DEFAULT_COST_RATES);

  it('charges each insurance on its own base: pension at its floor, the housing fund on the wage', () => {
    // Wage 3,200: pension base 4,500 (its floor), common and medical 4,000 (floor), housing fund 3,200.
    //   employer 16% × 4,500 = 720 + (7.2 + 0.8 + 0.5 + 0.4)% × 4,000 = 356 + 5% × 3,200 = 160 → 1,236
    //   employee 8% × 4,500 = 360 + (2 + 0.5)% × 4,000 = 100 + 5% × 3,200 = 160 → 620
    const month = cost(3200);
    expect(month).toMatchObject({ socialInsuranceBase: 4000, bases: { pension: 4500, medical: 4000, housingFund: 3200 }, socialInsurance: 1236, employeeShare: 620 });
    // The employee's share is withheld from the wage: the client's subtotal has the employer's only.
    expect(month.subtotal).toBe(3200 + 1236);
  });

  it('is short of the minimum by 200 and overtime does not make it up', () => {
    expect(cost(3200).minimumWageShortfall).toBe(200);
    expect(cost(3200, { overtime: { minutes150: 600, minutes200: 0, minutes300: 0 } }).minimumWageShortfall).toBe(200);
    expect(cost(3400).minimumWageShortfall).toBe(0);
    // Half a month employed: 1,600 against 3,400 × 0.5 = 1,700 → 100 short.
    expect(cost(3200, { employedShare: 0.5 }).minimumWageShortfall).toBe(100);
    // Without the city's minimum entered there is nothing to check.
    expect(personMonthCost({ staffId: 1, category: 'window', monthlyWage: 1000, employedShare: 1, overtime: NO_OVERTIME }, CITY, DEFAULT_COST_RATES).minimumWageShortfall).toBe(0);
  });
});

describe('城建税 and the 差额 option', () => {
  it('maps the 城建税 rate to the surcharge on the VAT: 7 → 12, 5 → 10, 1 → 6', async () => {
    const { surchargeOfCityConstructionTax, cityConstructionTaxOf } = await import('../../../solver/pay/cost.ts');
    expect([7, 5, 1].map(surchargeOfCityConstructionTax)).toEqual([12, 10, 6]);
    expect([12, 10, 6, 11].map(cityConstructionTaxOf)).toEqual([7, 5, 1, null]);
  });

  it('taxes labour dispatch under 差额 at 5% × 1.12 on the fee alone', () => {
    // Wage 4,500, SI 29.9% = 1,345.50, subtotal 5,845.50, fee 5% = 292.275 → 292.28.
    // General: (5,845.50 + 292.28) × 6.72% = 412.458… → 412.46.
    // 差额: the wages and insurance are passed through; 292.28 × 5.6% = 16.367… → 16.37.
    const general = personMonthCost({ staffId: 1, category: 'window', monthlyWage: 4500, employedShare: 1, overtime: NO_OVERTIME }, CITY, DEFAULT_COST_RATES);
    const dispatch = personMonthCost({ staffId: 1, category: 'window', monthlyWage: 4500, employedShare: 1, overtime: NO_OVERTIME }, CITY, { ...DEFAULT_COST_RATES, vatMode: 'dispatchDifference' });
    expect(general).toMatchObject({ subtotal: 5845.5, managementFee: 292.28, tax: 412.46, total: 6550.24 });
    expect(dispatch).toMatchObject({ subtotal: 5845.5, managementFee: 292.28, tax: 16.37, total: 6154.15 });
  });
});
