import { describe, expect, it } from 'vitest';
import { personHours, DEFAULT_HOURS_RULES, type WorkDayInput } from '../../../solver/pay/hours.ts';
import { tieredHours } from '../../../solver/pay/tiers.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import type { Assignment, Scenario } from '../../../solver/roster/types.ts';

/**
 * One cost rule (issue 17, item 6): the roster's labour cost of a person and what payroll pays for
 * the same days, priced at the same tiers, on a month made by hand. p1 works the default day
 * of two whole weeks, Mon 14 – Fri 25 December 2026 (08:30–12:00 and 13:30–17:30: 450 min a
 * day), and the Saturday morning of the 19th (210 min, the hall open): with rule 14 Monday the 21st's
 * morning is given back in lieu, so the Saturday costs 100%; without it the Monday is worked whole
 * and the Saturday costs 200%. Hourly wage 25 yuan. Whole weeks, since the roster's 150% tier is
 * weekly (40 h, prorated over a part week) while payroll's is daily (past 8 h): under 8 h a day and
 * 40 h a week neither has any.
 */
const WAGE = 25;
const WEEK = ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'];
const SATURDAY = '2026-12-19';
const NEXT_MONDAY = '2026-12-21';
const NEXT_WEEK = ['2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25'];

function scenario(planLieu: boolean): Scenario {
  return {
    start: WEEK[0]!,
    days: 14,
    shifts: [
      { id: 'AM', start: '08:30', end: '12:00' },
      { id: 'PM', start: '13:30', end: '17:30' },
    ],
    posts: [{ id: 'BK', name: '后台录入', zone: 'Z1' }],
    staff: [{ id: 'p1', name: 'p1', skills: { BK: 2 }, zone: 'Z1', maxHoursPerWeek: 44, hourlyWage: WAGE }],
    demand: [{ date: SATURDAY, shift: 'AM', post: 'BK', required: 1 }],
    windows: [{ id: 'W1', post: 'BK', zone: 'Z1', staffing: 'fixed', restDayShifts: ['AM'] }],
    presence: { defaultShifts: ['AM', 'PM'], workingDays: [...WEEK, NEXT_MONDAY, ...NEXT_WEEK], openRestDays: [SATURDAY], planLieu },
  };
}

const duty = (date: string, shift: string): Assignment => ({ staff: 'p1', date, shift, post: 'BK', window: 'W1' });
const weekDuties = [...WEEK, ...NEXT_WEEK].flatMap((date) => [duty(date, 'AM'), duty(date, 'PM')]);

/** The same days as payroll reads them: minutes worked and 调休 leave taken, by calendar kind. */
function payDays(mondayMinutes: number, mondayLieu: number): WorkDayInput[] {
  const day = (date: string, kind: WorkDayInput['kind'], workedMinutes: number, compensatoryLeave = 0): WorkDayInput => ({ date, kind, employed: true, workedMinutes, compensatoryLeave, otherLeave: 0, absent: 0 });
  return [...WEEK.map((date) => day(date, 'workday', 450)), day(SATURDAY, 'weekend', 210), day('2026-12-20', 'weekend', 0), day(NEXT_MONDAY, 'workday', mondayMinutes, mondayLieu), ...NEXT_WEEK.map((date) => day(date, 'workday', 450)), day('2026-12-26', 'weekend', 0), day('2026-12-27', 'weekend', 0)];
}

function paidYuan(days: WorkDayInput[]): number {
  const hours = personHours({ staffId: 1, contract: 'standard', month: '2026-12', days }, DEFAULT_HOURS_RULES);
  return tieredHours({ regular: hours.regularMinutes, overtime150: hours.overtime150Minutes, overtime200: hours.overtime200Minutes, overtime300: hours.overtime300Minutes }) * WAGE;
}

describe('one cost rule for roster and pay', () => {
  it('prices a rest-day shift with a lieu day in the week at 100% on both sides', () => {
    const report = checkRoster(scenario(true), [...weekDuties, duty(SATURDAY, 'AM'), duty(NEXT_MONDAY, 'PM')]);
    expect(report.breaches).toEqual([]);
    // 9 × 7.5 h + 3.5 h (Saturday, given back: 100%) + 4 h (Monday afternoon) = 75 h × 25.
    expect(report.soft.cost).toBe(1875);
    // Payroll: the Monday morning is half a day of 调休, which covers the Saturday's 210 minutes.
    expect(paidYuan(payDays(240, 0.5))).toBe(1875);
  });

  it('prices a rest-day shift without lieu at 200% on both sides', () => {
    const report = checkRoster(scenario(false), [...weekDuties, duty(SATURDAY, 'AM'), duty(NEXT_MONDAY, 'AM'), duty(NEXT_MONDAY, 'PM')]);
    expect(report.breaches).toEqual([]);
    // 10 × 7.5 h + 3.5 h × 2 = 82 h × 25.
    expect(report.soft.cost).toBe(2050);
    expect(paidYuan(payDays(450, 0))).toBe(2050);
  });
});
