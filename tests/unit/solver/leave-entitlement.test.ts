import { describe, expect, it } from 'vitest';
import { annualEntitlement, completedYears, tierOn } from '../../../solver/leave/entitlement.ts';

describe('years of work reach a tier on the anniversary, not a day before', () => {
  it.each([
    ['2025-03-09', 0, 0],
    ['2025-03-10', 1, 5],
    ['2034-03-09', 9, 5],
    ['2034-03-10', 10, 10],
    ['2044-03-09', 19, 10],
    ['2044-03-10', 20, 15],
  ])('work started 2024-03-10: on %s, %i full years and %i days', (date, years, days) => {
    expect(completedYears('2024-03-10', date)).toBe(years);
    expect(tierOn('2024-03-10', '2024-03-10', date)).toBe(days);
  });

  it('a 29 February start completes its year on 1 March of a common year', () => {
    expect(completedYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(completedYears('2024-02-29', '2025-03-01')).toBe(1);
  });
});

describe('annual-leave entitlement for a calendar year', () => {
  // Hired at the work start: the whole career is at this employer.
  const career = (workStartDate: string, year: number) => annualEntitlement({ workStartDate, hireDate: workStartDate, year });

  it('gives 5, 10 and 15 days for a whole year in each tier', () => {
    expect(career('2020-01-01', 2026)).toBe(5);
    expect(career('2010-06-01', 2026)).toBe(10);
    expect(career('1990-06-01', 2026)).toBe(15);
  });

  it('at the 1-year edge: reached on 1 January gives the full 5, on 2 January prorates and floors to 4', () => {
    expect(annualEntitlement({ workStartDate: '2025-01-01', hireDate: '2025-01-01', year: 2026 })).toBe(5);
    // 364 days ÷ 365 × 5 = 4.99 → 4 (折算后不足1整天的部分不享受).
    expect(annualEntitlement({ workStartDate: '2025-01-02', hireDate: '2025-01-02', year: 2026 })).toBe(4);
    // Reached on 31 December: 1 day ÷ 365 × 5 → 0; the year before nothing.
    expect(annualEntitlement({ workStartDate: '2025-12-31', hireDate: '2025-12-31', year: 2026 })).toBe(0);
    expect(annualEntitlement({ workStartDate: '2025-01-01', hireDate: '2025-01-01', year: 2025 })).toBe(0);
  });

  it('at the 10-year edge: 10 when reached on 1 January, 9 when reached the day after', () => {
    expect(career('2016-01-01', 2026)).toBe(10);
    // 1 day at 5 + 364 days at 10 = 3645 ÷ 365 = 9.99 → 9.
    expect(career('2016-01-02', 2026)).toBe(9);
  });

  it('at the 20-year edge: 15 when reached on 1 January, 14 when reached the day after', () => {
    expect(career('2006-01-01', 2026)).toBe(15);
    expect(career('2006-01-02', 2026)).toBe(14);
  });

  it('splits a year crossing a tier at the anniversary', () => {
    // 10 years on 2026-07-01: 181 days at 5 + 184 days at 10 = 2745 ÷ 365 = 7.52 → 7.
    expect(career('2016-07-01', 2026)).toBe(7);
  });

  it('prorates a new hire with earlier work by the days left at this employer', () => {
    // Working since 2015 (tier 10); joins on 2026-10-01: 92 days ÷ 365 × 10 = 2.52 → 2.
    expect(annualEntitlement({ workStartDate: '2015-05-01', hireDate: '2026-10-01', year: 2026 })).toBe(2);
    // Whole next year at this employer: the full tier.
    expect(annualEntitlement({ workStartDate: '2015-05-01', hireDate: '2026-10-01', year: 2027 })).toBe(10);
    // Not yet hired in the year: nothing.
    expect(annualEntitlement({ workStartDate: '2015-05-01', hireDate: '2026-10-01', year: 2025 })).toBe(0);
  });

  it('counts from the hire date when the work start is unknown (or later than the hire)', () => {
    // Hired 2026-03-01, first year: nothing in 2026; 2027 from 1 March: 306 ÷ 365 × 5 = 4.19 → 4.
    expect(annualEntitlement({ workStartDate: null, hireDate: '2026-03-01', year: 2026 })).toBe(0);
    expect(annualEntitlement({ workStartDate: null, hireDate: '2026-03-01', year: 2027 })).toBe(4);
    expect(annualEntitlement({ workStartDate: '2027-01-01', hireDate: '2026-03-01', year: 2027 })).toBe(4);
  });

  it('never exceeds the tier in a leap year', () => {
    expect(annualEntitlement({ workStartDate: '2000-01-01', hireDate: '2000-01-01', year: 2028 })).toBe(15);
  });
});
