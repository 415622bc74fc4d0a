import { describe, expect, it } from 'vitest';
import { checkRoster, escalating } from '../../../solver/roster/check.ts';
import { isoDate, isoDay } from '../../../solver/roster/prepare.ts';
import type { Assignment, Breach, Scenario, StaffDef, Weights } from '../../../solver/roster/types.ts';

// 2026-03-02 is a Monday: day 5 is Saturday, day 6 Sunday.
const START = '2026-03-02';
const date = (day: number) => isoDate(isoDay(START) + day);

const NO_WEIGHTS: Weights = { unmet: 0, over: 0, backup: 0, cost: 0, fairness: 0, continuity: 0, requests: 0, changes: 0, seat: 0, crossZone: 0 };

function scenario(changes: Partial<Scenario> = {}, staff: StaffDef[] = STAFF): Scenario {
  return {
    start: START,
    days: 7,
    shifts: [
      { id: 'AM', start: '08:00', end: '12:00' },
      { id: 'PM', start: '13:00', end: '17:00' },
      { id: 'EV', start: '18:00', end: '22:00', late: true },
      { id: 'EARLY', start: '06:00', end: '10:00' },
      { id: 'NIGHT', start: '22:00', end: '06:00' },
    ],
    posts: [
      { id: 'TAX', name: '税务收件' },
      { id: 'GEN', name: '综合受理' },
    ],
    staff,
    demand: [],
    ...changes,
  };
}

const STAFF: StaffDef[] = [
  { id: 'a', name: '张三', skills: { TAX: 3, GEN: 2 } },
  { id: 'b', name: '李四', skills: { TAX: 2 } },
  { id: 'c', name: '王五', skills: { TAX: 1 } },
];

function on(staff: string, day: number, shift = 'AM', post = 'TAX', learner?: boolean): Assignment {
  return { staff, date: date(day), shift, post, ...(learner === undefined ? {} : { learner }) };
}

/** The same person on each of these days, AM at TAX. */
function days(staff: string, ...dayIndices: number[]): Assignment[] {
  return dayIndices.map((day) => on(staff, day));
}

function breaches(s: Scenario, assignments: Assignment[]): Breach[] {
  return checkRoster(s, assignments).breaches;
}

function rules(s: Scenario, assignments: Assignment[]): string[] {
  return breaches(s, assignments).map((breach) => breach.rule);
}

describe('checkRoster: a roster that keeps every rule', () => {
  it('reports no breach', () => {
    expect(breaches(scenario(), [on('a', 0), on('b', 0, 'PM'), on('c', 0, 'AM', 'TAX', true), ...days('b', 1, 2, 3)])).toEqual([]);
  });
});

describe('checkRoster: hard rule 1, qualification', () => {
  it('breaks when someone below level 2 fills a post alone', () => {
    expect(breaches(scenario(), [on('b', 0, 'AM', 'GEN')])).toEqual([
      { rule: 'qualification', staff: 'b', date: date(0), shift: 'AM', post: 'GEN', message: 'b has level 0 at GEN; filling a post needs level ≥ 2' },
    ]);
    expect(rules(scenario(), [on('c', 0)])).toEqual(['qualification']);
  });

  it('breaks when a learner assignment goes to someone who is not level 1 there', () => {
    expect(rules(scenario(), [on('b', 0, 'AM', 'TAX', true), on('a', 0)])).toEqual(['qualification']);
  });

  it('breaks when a learner has no mentor (level 3) beside them on the slot', () => {
    expect(rules(scenario(), [on('c', 0, 'AM', 'TAX', true)])).toEqual(['learner_mentor']);
    // b is qualified but not a mentor; a mentor at another post does not count either.
    expect(rules(scenario(), [on('c', 0, 'AM', 'TAX', true), on('b', 0), on('a', 0, 'AM', 'GEN')])).toEqual(['learner_mentor']);
  });

  it('needs as many mentors as learners on the slot', () => {
    const staff: StaffDef[] = [...STAFF, { id: 'd', name: '赵六', skills: { TAX: 1 } }];
    const s = scenario({}, staff);
    expect(rules(s, [on('a', 0), on('c', 0, 'AM', 'TAX', true), on('d', 0, 'AM', 'TAX', true)])).toEqual(['learner_mentor']);
    expect(rules(s, [on('a', 0), on('c', 0, 'AM', 'TAX', true)])).toEqual([]);
  });
});

describe('checkRoster: hard rule 2, one post per shift and no overlap', () => {
  it('breaks when a person has two posts in one duty', () => {
    expect(rules(scenario(), [on('a', 0, 'AM', 'TAX'), on('a', 0, 'AM', 'GEN')])).toEqual(['assigned_elsewhere']);
  });

  it('breaks when a person works two shifts of a day that overlap in time', () => {
    expect(breaches(scenario(), [on('a', 0, 'EARLY'), on('a', 0, 'AM')])).toEqual([
      { rule: 'overlap', staff: 'a', date: date(0), shift: 'EARLY', post: 'TAX', message: `a works overlapping shifts AM and EARLY on ${date(0)}` },
    ]);
  });

  it('allows two shifts of a day that do not overlap, up to maxShiftsPerDay', () => {
    expect(rules(scenario(), [on('a', 0, 'AM'), on('a', 0, 'PM')])).toEqual([]);
    expect(rules(scenario({ rules: { maxShiftsPerDay: 1 } }), [on('a', 0, 'AM'), on('a', 0, 'PM')])).toEqual(['max_shifts_day']);
    const personal = scenario({ rules: { maxShiftsPerDay: 1 } }, [{ ...STAFF[0]!, maxShiftsPerDay: 2 }]);
    expect(rules(personal, [on('a', 0, 'AM'), on('a', 0, 'PM')])).toEqual([]);
  });
});

describe('checkRoster: hard rule 3, leave and unavailability', () => {
  it('breaks on a whole day away, naming the reason', () => {
    const s = scenario({}, [{ ...STAFF[0]!, unavailable: [{ date: date(1), reason: '年假' }] }]);
    expect(breaches(s, [on('a', 1, 'PM')])).toEqual([
      { rule: 'unavailable', staff: 'a', date: date(1), shift: 'PM', post: 'TAX', message: `a is unavailable on ${date(1)} PM (年假)` },
    ]);
  });

  it('breaks on an unavailable shift but not on the other shifts of that day', () => {
    const s = scenario({}, [{ ...STAFF[0]!, unavailable: [{ date: date(1), shift: 'AM' }] }]);
    expect(rules(s, [on('a', 1, 'AM')])).toEqual(['unavailable']);
    expect(rules(s, [on('a', 1, 'PM')])).toEqual([]);
  });

  it('breaks on a fixed weekday off', () => {
    const s = scenario({}, [{ ...STAFF[0]!, fixedWeekdaysOff: [3] }]);
    expect(rules(s, [on('a', 2)])).toEqual(['fixed_day_off']);
    expect(rules(s, [on('a', 1)])).toEqual([]);
  });
});

describe('checkRoster: hard rule 4, pinned assignments', () => {
  it('breaks when a pin is missing, or kept at another post', () => {
    const s = scenario({ pinned: [{ staff: 'b', date: date(2), shift: 'PM', post: 'TAX' }] });
    expect(breaches(s, [])).toEqual([
      { rule: 'pinned', staff: 'b', date: date(2), shift: 'PM', post: 'TAX', message: `Pinned b at TAX on ${date(2)} PM is missing from the roster` },
    ]);
    expect(rules(scenario({ pinned: [{ staff: 'a', date: date(2), shift: 'PM', post: 'TAX' }] }), [on('a', 2, 'PM', 'GEN')])).toEqual(['pinned']);
    expect(rules(s, [on('b', 2, 'PM')])).toEqual([]);
  });
});

describe('checkRoster: hard rule 5, weekly limits', () => {
  it('breaks above maxShiftsPerWeek, each week counted on its own', () => {
    const s = scenario({ days: 14 }, [{ ...STAFF[1]!, maxShiftsPerWeek: 2 }]);
    expect(rules(s, days('b', 0, 1, 7, 8))).toEqual([]);
    expect(breaches(s, days('b', 0, 1, 2, 7))).toEqual([{ rule: 'max_shifts_week', staff: 'b', date: date(0), message: `b works 3 shifts in the week from ${date(0)}; the limit is 2` }]);
  });

  it('breaks above maxHoursPerWeek, counting shift minutes', () => {
    const s = scenario({}, [{ ...STAFF[1]!, maxHoursPerWeek: 8 }]);
    expect(rules(s, [on('b', 0, 'AM'), on('b', 0, 'PM')])).toEqual([]);
    expect(rules(s, [on('b', 0, 'AM'), on('b', 0, 'PM'), on('b', 1, 'AM')])).toEqual(['max_hours_week']);
  });

  it('counts weeks as 7-day blocks from the start, not calendar weeks', () => {
    const s = scenario({ start: '2026-03-04', days: 14 }, [{ ...STAFF[1]!, maxShiftsPerWeek: 3 }]);
    // Wed … Sat are days 0 … 3 of the first block; the following Monday (day 5) is still in it.
    const assignments = [0, 1, 2, 5].map((day) => ({ staff: 'b', date: isoDate(isoDay('2026-03-04') + day), shift: 'AM', post: 'TAX' }));
    expect(rules(s, assignments)).toEqual(['max_shifts_week']);
  });
});

describe('checkRoster: hard rule 6, horizon limits', () => {
  it('breaks above maxShiftsByType, 0 meaning never that shift', () => {
    const s = scenario({}, [{ ...STAFF[1]!, maxShiftsByType: { PM: 1, EV: 0 } }]);
    expect(rules(s, [on('b', 0, 'PM'), on('b', 1, 'PM')])).toEqual(['max_shifts_type']);
    expect(rules(s, [on('b', 0, 'EV')])).toEqual(['max_shifts_type']);
    expect(rules(s, [on('b', 0, 'PM'), on('b', 1, 'AM')])).toEqual([]);
  });

  it('keeps total minutes between minMinutesTotal and maxMinutesTotal', () => {
    const s = scenario({}, [{ ...STAFF[1]!, minMinutesTotal: 480, maxMinutesTotal: 720 }]);
    expect(rules(s, days('b', 0))).toEqual(['min_minutes_total']);
    expect(rules(s, days('b', 0, 1))).toEqual([]);
    expect(rules(s, days('b', 0, 1, 2))).toEqual([]);
    expect(rules(s, days('b', 0, 1, 2, 3))).toEqual(['max_minutes_total']);
  });
});

describe('checkRoster: hard rule 7, consecutive days', () => {
  it('breaks once per run longer than maxConsecutiveDays, on the day it goes over', () => {
    const s = scenario({ days: 14 }, [{ ...STAFF[1]!, maxConsecutiveDays: 3 }]);
    expect(rules(s, days('b', 0, 1, 2, 4, 5, 6))).toEqual([]);
    expect(breaches(s, days('b', 0, 1, 2, 3, 4, 6, 7, 8, 9))).toEqual([
      { rule: 'max_consecutive_days', staff: 'b', date: date(3), message: `b works more than 3 days in a row by ${date(3)}` },
      { rule: 'max_consecutive_days', staff: 'b', date: date(9), message: `b works more than 3 days in a row by ${date(9)}` },
    ]);
  });

  it('counts the days worked just before the start', () => {
    const s = scenario({}, [{ ...STAFF[1]!, maxConsecutiveDays: 3, daysWorkedBefore: 2 }]);
    expect(rules(s, days('b', 0))).toEqual([]);
    expect(rules(s, days('b', 0, 1))).toEqual(['max_consecutive_days']);
    expect(rules(s, days('b', 1, 2, 3))).toEqual([]);
  });

  it('uses the rules default of 6 when the person has none', () => {
    const s = scenario({ days: 14, rules: { restDayInSeven: false } });
    expect(rules(s, days('b', 0, 1, 2, 3, 4, 5))).toEqual([]);
    expect(rules(s, days('b', 0, 1, 2, 3, 4, 5, 6))).toEqual(['max_consecutive_days']);
  });

  it('needs a rest day in every 7 when restDayInSeven holds, whatever the personal limit', () => {
    const staff = [{ ...STAFF[1]!, maxConsecutiveDays: 10 }];
    expect(rules(scenario({ days: 14 }, staff), days('b', 0, 1, 2, 3, 4, 5, 6))).toEqual(['rest_day_in_seven']);
    expect(rules(scenario({ days: 14, rules: { restDayInSeven: false } }, staff), days('b', 0, 1, 2, 3, 4, 5, 6))).toEqual([]);
  });
});

describe('checkRoster: hard rule 8, minimum blocks', () => {
  const staff = [{ ...STAFF[1]!, minConsecutiveDays: 2, minConsecutiveDaysOff: 2 }];

  it('breaks on a block of working days that starts inside the horizon and is too short', () => {
    expect(breaches(scenario({}, staff), days('b', 2, 5, 6))).toEqual([
      { rule: 'min_consecutive_days', staff: 'b', date: date(2), message: `b has a block of 1 working days from ${date(2)}; the least is 2` },
    ]);
  });

  it('exempts a block that starts on day 0 or runs to the end of the horizon', () => {
    expect(rules(scenario({}, staff), days('b', 0, 3, 4))).toEqual([]);
    expect(rules(scenario({}, staff), days('b', 2, 3, 6))).toEqual([]);
  });

  it('breaks on a block of days off that is too short', () => {
    expect(rules(scenario({}, staff), days('b', 0, 1, 3, 4))).toEqual(['min_consecutive_days_off']);
    expect(rules(scenario({}, staff), days('b', 0, 1, 4, 5))).toEqual([]);
  });
});

describe('checkRoster: hard rule 9, rest between days and forbidden sequences', () => {
  it('breaks when the rest between a shift and the next day’s is under minRestMinutes', () => {
    // EV ends 22:00, EARLY starts 06:00: 8 hours, under the default 11.
    expect(breaches(scenario(), [on('b', 0, 'EV'), on('b', 1, 'EARLY')])).toEqual([
      { rule: 'min_rest', staff: 'b', date: date(1), shift: 'EARLY', post: 'TAX', message: `b rests 480 minutes between EV on ${date(0)} and EARLY on ${date(1)}; the least is 660` },
    ]);
    expect(rules(scenario({ rules: { minRestMinutes: 480 } }), [on('b', 0, 'EV'), on('b', 1, 'EARLY')])).toEqual([]);
  });

  it('measures a shift past midnight from its true end', () => {
    // NIGHT ends 06:00 the next morning: AM at 08:00 leaves 2 hours.
    expect(rules(scenario(), [on('b', 0, 'NIGHT'), on('b', 1, 'AM')])).toEqual(['min_rest']);
    expect(rules(scenario({ rules: { minRestMinutes: 0 } }), [on('b', 0, 'NIGHT'), on('b', 1, 'AM')])).toEqual([]);
  });

  it('breaks on shifts that overlap across midnight even with no minimum rest', () => {
    const s = scenario({ rules: { minRestMinutes: 0 }, shifts: [...scenario().shifts, { id: 'DAWN', start: '05:00', end: '09:00' }] });
    expect(rules(s, [on('b', 0, 'NIGHT'), on('b', 1, 'DAWN')])).toEqual(['min_rest']);
  });

  it('breaks on a forbidden sequence, in that order only', () => {
    const s = scenario({ rules: { minRestMinutes: 0, forbiddenSequences: [{ first: 'PM', then: 'AM' }] } });
    expect(rules(s, [on('b', 0, 'PM'), on('b', 1, 'AM')])).toEqual(['forbidden_sequence']);
    expect(rules(s, [on('b', 0, 'AM'), on('b', 1, 'PM')])).toEqual([]);
    expect(rules(s, [on('b', 0, 'PM'), on('b', 2, 'AM')])).toEqual([]);
  });
});

describe('checkRoster: hard rule 10, weekends', () => {
  it('breaks above maxWeekends, a Saturday and its Sunday being one weekend', () => {
    const s = scenario({ days: 14 }, [{ ...STAFF[1]!, maxWeekends: 1 }]);
    expect(rules(s, days('b', 5, 6))).toEqual([]);
    expect(breaches(s, days('b', 6, 12))).toEqual([{ rule: 'max_weekends', staff: 'b', message: 'b works 2 weekends; the limit is 1' }]);
  });

  it('counts a lone Sunday at the start of the horizon as a weekend', () => {
    const s = scenario({ start: '2026-03-01', days: 7, rules: { maxWeekends: 1 } });
    const assignments = [0, 6].map((day) => ({ staff: 'b', date: isoDate(isoDay('2026-03-01') + day), shift: 'AM', post: 'TAX' }));
    expect(rules(s, assignments)).toEqual(['max_weekends']);
  });
});

describe('checkRoster: assignments that name nothing known', () => {
  it('reports them as breaches rather than failing', () => {
    expect(rules(scenario(), [{ staff: 'ghost', date: date(0), shift: 'AM', post: 'TAX' }, on('b', 9), on('b', 0, 'XX'), on('b', 0, 'AM', 'P9')])).toEqual(['reference', 'reference', 'reference', 'reference']);
  });
});

// ---- Soft totals ---------------------------------------------------------------------------------

describe('checkRoster: soft goals 1 and 2, unmet and over', () => {
  const demand = [
    { date: date(0), shift: 'AM', post: 'TAX', required: 2 },
    { date: date(0), shift: 'PM', post: 'TAX', required: 1, overWeight: 3 },
    { date: date(1), shift: 'AM', post: 'TAX', required: 1, underWeight: 7 },
  ];
  const s = scenario({ demand, weights: { ...NO_WEIGHTS, unmet: 1000, over: 4 } });
  // Mon AM: one of two (the learner does not count). Mon PM: two for one. Tue AM: nobody.
  // Wed AM: one with no demand line at all.
  const roster = [on('a', 0), on('c', 0, 'AM', 'TAX', true), on('a', 0, 'PM'), on('b', 0, 'PM'), on('b', 2)];

  it('counts missing staff-shifts per line, learners not counted, with each line’s weight', () => {
    const { soft } = checkRoster(s, roster);
    expect(soft.unmetStaffShifts).toBe(2);
    expect(soft.penalties.unmet).toBe(1000 + 7);
  });

  it('counts staff-shifts above demand, a slot without a line having required 0', () => {
    const { soft } = checkRoster(s, roster);
    expect(soft.overStaffShifts).toBe(2);
    expect(soft.penalties.over).toBe(3 + 4);
  });
});

describe('checkRoster: soft goal 3, backup (N-1)', () => {
  const demand = [
    { date: date(0), shift: 'AM', post: 'TAX', required: 1 },
    { date: date(0), shift: 'AM', post: 'GEN', required: 1 },
    { date: date(1), shift: 'AM', post: 'TAX', required: 1 },
    { date: date(2), shift: 'AM', post: 'TAX', required: 0 },
  ];
  const s = scenario({ demand, weights: { ...NO_WEIGHTS, backup: 100 } });

  it('finds a backup in someone at another post of the same duty who is qualified here', () => {
    // Mon AM TAX: a at GEN is level 2 at TAX, a backup. Mon AM GEN: b at TAX is not qualified at GEN.
    // Tue AM TAX: two for one, a spare. The required-0 line on Wednesday does not count.
    const { soft } = checkRoster(s, [on('b', 0), on('a', 0, 'AM', 'GEN'), on('a', 1), on('b', 1)]);
    expect(soft).toMatchObject({ slotsWithDemand: 3, slotsWithoutBackup: 1, resilienceShare: 1 - 1 / 3 });
    expect(soft.penalties.backup).toBe(100);
  });

  it('counts a short slot without anyone around as having no backup', () => {
    const { soft } = checkRoster(s, []);
    expect(soft).toMatchObject({ slotsWithDemand: 3, slotsWithoutBackup: 3, resilienceShare: 0 });
  });

  it('does not take someone in another shift as a backup', () => {
    const { soft } = checkRoster(scenario({ demand: [demand[0]!] }), [on('b', 0), on('a', 0, 'PM', 'GEN')]);
    expect(soft.slotsWithoutBackup).toBe(1);
  });

  it('gives a share of 1 when nothing is demanded', () => {
    expect(checkRoster(scenario(), []).soft).toMatchObject({ slotsWithDemand: 0, slotsWithoutBackup: 0, resilienceShare: 1 });
  });
});

describe('checkRoster: soft goal 4, labour cost', () => {
  const weights = { ...NO_WEIGHTS, cost: 1 };

  it('pays 100% on a workday, 200% on a weekend restday and 300% on a holiday', () => {
    const s = scenario({ weights, calendar: [{ date: date(2), kind: 'holiday' }] });
    // 4 h × 25 yuan: Monday 100, Saturday 200, Wednesday (a holiday) 300.
    const { soft } = checkRoster(s, [on('b', 0), on('b', 5), on('b', 2)]);
    expect(soft.cost).toBe(600);
    expect(soft.penalties.cost).toBe(6);
  });

  it('takes the calendar over the weekday: a Saturday made a workday pays 100%', () => {
    const s = scenario({ weights, calendar: [{ date: date(5), kind: 'workday' }] });
    expect(checkRoster(s, [on('b', 5)]).soft.cost).toBe(100);
  });

  it('uses the person’s wage, else the rules’', () => {
    const s = scenario({ weights, rules: { hourlyWage: 30 } }, [{ ...STAFF[0]!, hourlyWage: 40 }, STAFF[1]!]);
    expect(checkRoster(s, [on('a', 0), on('b', 0)]).soft.cost).toBe(4 * 40 + 4 * 30);
  });

  it('adds 50% for workday hours above the weekly standard', () => {
    const s = scenario({ weights, rules: { standardHoursPerWeek: 6 } });
    // Monday AM + PM: 8 h at 100% = 200, plus 2 h above 6 at 50% of 25 = 25.
    expect(checkRoster(s, [on('b', 0, 'AM'), on('b', 0, 'PM')]).soft.cost).toBe(225);
  });

  it('leaves restday hours out of the overtime tier', () => {
    const s = scenario({ weights, rules: { standardHoursPerWeek: 4 } });
    // Saturday 8 h at 200% = 400; Monday 4 h = 100, exactly the standard.
    expect(checkRoster(s, [on('b', 5, 'AM'), on('b', 5, 'PM'), on('b', 0)]).soft.cost).toBe(500);
  });

  it('prorates the standard for a week cut short by the horizon', () => {
    // 8 days: the second week holds only Monday, so its standard is 7 × 1/7 = 1 h.
    const s = scenario({ weights, days: 8, rules: { standardHoursPerWeek: 7 } });
    expect(checkRoster(s, [on('b', 7)]).soft.cost).toBe(100 + 0.5 * 25 * 3);
  });

  it('pays learners too', () => {
    expect(checkRoster(scenario({ weights }), [on('a', 0), on('c', 0, 'AM', 'TAX', true)]).soft.cost).toBe(200);
  });
});

describe('checkRoster: soft goal 5, fairness', () => {
  it('F(n; b) charges each unit above the fair share more than the one before', () => {
    expect(escalating(0, 5)).toBe(0);
    expect(escalating(3, 0)).toBe(1 + 2 + 3);
    expect(escalating(3, -2)).toBe(0 + 0 + 1);
    expect(escalating(2.5, -1)).toBe(0 + 1 + 0.5 * 2);
  });

  // One Saturday AM line of 1 (4 h) for two staff. Weekend: fair 0.5 each; a has 2 weekend shifts
  // of history and b none, so mean 1, b(a) = 2 − 1 − 0.5 = 0.5 and b(b) = −1.5. Hours: fair 0.25
  // (0.5 unit ÷ 2), no history, b = −0.25 for both; a 4 h shift is 0.5 unit.
  const staff: StaffDef[] = [
    { id: 'a', name: '张三', skills: { TAX: 2 }, history: { weekendShifts: 2 } },
    { id: 'b', name: '李四', skills: { TAX: 2 } },
  ];
  const s = scenario({ weights: { ...NO_WEIGHTS, fairness: 1 }, demand: [{ date: date(5), shift: 'AM', post: 'TAX', required: 1 }] }, staff);

  it('charges whoever carried more weekends in the last 3 months more for another', () => {
    // a: weekend F(1; 0.5) = 1.5, hours F(0.5; −0.25) = 0.5 × 0.75 = 0.375.
    expect(checkRoster(s, [on('a', 5)]).soft.penalties.fairness).toBe(1.875);
    // b: weekend F(1; −1.5) = 0, hours 0.375.
    expect(checkRoster(s, [on('b', 5)]).soft.penalties.fairness).toBe(0.375);
  });

  it('counts holidays from the calendar, late shifts by their flag and hours by history ÷ 8', () => {
    const people: StaffDef[] = [
      { id: 'a', name: '张三', skills: { TAX: 2 }, history: { hours: 16 } },
      { id: 'b', name: '李四', skills: { TAX: 2 } },
    ];
    const holiday = scenario({ weights: { ...NO_WEIGHTS, fairness: 1 }, calendar: [{ date: date(1), kind: 'holiday' }] }, people);
    // No demand: fair 0. Holiday: n 1, b 0 → 1. Late: n 1 → 1. Hours: history 2 units vs mean 1:
    // b = 1, n = 0.5 → 0.5 × 2 = 1. Total 3.
    expect(checkRoster(holiday, [on('a', 1, 'EV')]).soft.penalties.fairness).toBe(3);
  });
});

describe('checkRoster: soft goals 6 and 7, continuity and requests', () => {
  it('counts non-learner assignments away from a person’s home posts, and none for people without', () => {
    const staff: StaffDef[] = [{ ...STAFF[0]!, homePosts: ['TAX'] }, { ...STAFF[1]!, homePosts: [] }, { ...STAFF[2]!, skills: { GEN: 1, TAX: 3 }, homePosts: ['TAX'] }];
    const s = scenario({ weights: { ...NO_WEIGHTS, continuity: 2 } }, staff);
    const { soft } = checkRoster(s, [on('a', 0, 'AM', 'GEN'), on('a', 1), on('b', 0), on('c', 2, 'AM', 'GEN', true)]);
    expect(soft.offHomeAssignments).toBe(1);
    expect(soft.penalties.continuity).toBe(2);
  });

  it('grants on and off requests by duty or by day, each broken one costing its weight', () => {
    const requests = [
      { staff: 'a', date: date(0), shift: 'AM', kind: 'on' as const }, // granted
      { staff: 'a', date: date(1), shift: 'AM', kind: 'on' as const, weight: 5 }, // broken: PM instead
      { staff: 'a', date: date(1), kind: 'on' as const }, // granted: works that day
      { staff: 'b', date: date(0), shift: 'PM', kind: 'off' as const }, // granted: AM only
      { staff: 'b', date: date(0), kind: 'off' as const, weight: 9 }, // broken
      { staff: 'b', date: date(3), kind: 'off' as const }, // granted
    ];
    const s = scenario({ requests, weights: { ...NO_WEIGHTS, requests: 20 } });
    const { soft } = checkRoster(s, [on('a', 0), on('a', 1, 'PM'), on('b', 0)]);
    expect(soft.requestsBroken).toBe(2);
    expect(soft.penalties.requests).toBe(14);
  });
});

describe('checkRoster: the total', () => {
  it('is the sum of the weighted penalties, with the default weights when none are given', () => {
    const s = scenario({ demand: [{ date: date(0), shift: 'AM', post: 'TAX', required: 2 }] });
    const { soft } = checkRoster(s, [on('a', 0), on('c', 0, 'AM', 'TAX', true)]);
    // unmet 1 × 1000; no backup 100; cost 2 × 4 h × 25 = 200 yuan → 2; fairness: hours fair 1 ÷ 3
    // each, b = −1/3, n = 0.5 for a and c → 2 × 0.5 × 2/3 = 2/3 units × 5.
    expect(soft.penalties).toEqual({ unmet: 1000, over: 0, backup: 100, cost: 2, fairness: 3.333333, continuity: 0, requests: 0, changes: 0, seat: 0, crossZone: 0, total: 1105.333333 });
  });
});
