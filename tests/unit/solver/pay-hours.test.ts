import { describe, expect, it } from 'vitest';
import { buildYear, datesBetween, isWeekend, isWorkingKind, type DayKind } from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';
import {
  DEFAULT_HOURS_RULES,
  hoursWindow,
  personHours,
  type ContractType,
  type HoursRules,
  type PersonHours,
  type WorkDayInput,
} from '../../../solver/pay/hours.ts';

/*
 * Hand-made months on the 2026 calendar (国办发明电〔2025〕7号). By default a person works 8 h on
 * every working day and nothing on any other day; each test changes the days it is about.
 *
 * Working days: January 21 (1/1 statutory, 1/2–1/3 holiday rest, Sunday 1/4 make-up, then 20
 * weekdays); February 16 (14 weekdays outside 春节, plus the make-up Saturdays 2/14 and 2/28);
 * March 22 (a plain month that starts on a Sunday).
 */
const KINDS = new Map(buildYear(NOTICE_2026).map((day) => [day.date, day.kind]));
const kindOf = (date: string): DayKind => KINDS.get(date) ?? (isWeekend(date) ? 'weekend' : 'workday');

type DayChange = Partial<Omit<WorkDayInput, 'date' | 'kind'>>;

/** The person's days from `from` to `to`, employed from `hiredOn`, with the given days changed. */
function daysOf(from: string, to: string, changes: Record<string, DayChange> = {}, hiredOn = '2020-01-01'): WorkDayInput[] {
  return datesBetween(from, to).map((date) => {
    const kind = kindOf(date);
    return {
      date, kind, employed: date >= hiredOn, workedMinutes: isWorkingKind(kind) ? 480 : 0, compensatoryLeave: 0, otherLeave: 0, absent: 0,
      ...changes[date],
    };
  });
}

function hours(contract: ContractType, month: string, days: WorkDayInput[], rules: Partial<HoursRules> = {}): PersonHours {
  return personHours({ staffId: 7, contract, month, days }, { ...DEFAULT_HOURS_RULES, ...rules });
}

/** A standard month with its whole ISO weeks, as the caller would pass it. */
function standard(month: string, changes: Record<string, DayChange> = {}, hiredOn?: string): PersonHours {
  const window = hoursWindow('standard', month, 'month');
  return hours('standard', month, daysOf(window.from, window.to, changes, hiredOn));
}

function day(result: PersonHours, date: string) {
  const found = result.days.find((entry) => entry.date === date);
  if (!found) throw new Error(`no ${date} in ${result.month}`);
  return found;
}

describe('the dates the rules need', () => {
  it('takes the whole ISO weeks a month touches for a standard contract', () => {
    // March 2026 starts on a Sunday (week from Monday 2/23) and ends on a Tuesday (week to Sunday 4/5).
    expect(hoursWindow('standard', '2026-03', 'month')).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    expect(hoursWindow('comprehensive', '2026-03', 'week')).toEqual({ from: '2026-02-23', to: '2026-04-05' });
  });

  it('takes every comprehensive cycle overlapping the month, whole', () => {
    expect(hoursWindow('comprehensive', '2026-02', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(hoursWindow('comprehensive', '2026-02', 'quarter')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(hoursWindow('comprehensive', '2026-11', 'quarter')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(hoursWindow('comprehensive', '2026-05', 'year')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('standard hours: the pay tier of each minute', () => {
  it('pays every minute worked on a statutory holiday at 300%', () => {
    // 元旦 1/1 worked 8 h: 480 at 300%. January: 21 working days × 480 = 10,080 regular.
    const result = standard('2026-01', { '2026-01-01': { workedMinutes: 480 } });
    expect(day(result, '2026-01-01')).toMatchObject({ kind: 'statutory', regular: 0, overtime300: 480, overtime150: 0, overtime200: 0 });
    expect(result).toMatchObject({ workedMinutes: 10_560, regularMinutes: 10_080, overtime300Minutes: 480, overtimeMinutes: 480, breaches: [] });
  });

  it('treats a make-up Saturday as a working day: 8 h regular, beyond at 150%', () => {
    // 10/10 (Sat, 调休上班) worked 10 h: 480 regular, 120 extension at 150%; no 200%.
    const result = standard('2026-10', { '2026-10-10': { workedMinutes: 600 } });
    expect(day(result, '2026-10-10')).toMatchObject({ kind: 'makeup', regular: 480, overtime150: 120, overtime200: 0 });
    expect(result.overtime150Minutes).toBe(120);
    expect(result.breaches).toEqual([]);
  });

  it('gives no 200% for a rest day worked when the roster gave a working day off in the same week', () => {
    // Week 3/9–3/15: Wednesday 3/11 off, Saturday 3/14 worked 8 h: the 480 minutes are time off in lieu.
    const result = standard('2026-03', { '2026-03-11': { workedMinutes: 0 }, '2026-03-14': { workedMinutes: 480 } });
    expect(day(result, '2026-03-14')).toMatchObject({ regular: 480, lieu: 480, overtime200: 0 });
    expect(result).toMatchObject({ workedMinutes: 10_560, regularMinutes: 10_560, lieuMinutes: 480, overtimeMinutes: 0 });
  });

  it('pays a rest day worked at 200% when no time off in lieu is given', () => {
    // Saturday 3/14 worked 8 h in an otherwise full week: 480 at 200%.
    const result = standard('2026-03', { '2026-03-14': { workedMinutes: 480 } });
    expect(day(result, '2026-03-14')).toMatchObject({ regular: 0, lieu: 0, overtime200: 480 });
    expect(result).toMatchObject({ overtime200Minutes: 480, lieuMinutes: 0, overtimeMinutes: 480 });
  });

  it('pays back a rest day with 调休 leave taken in a later week of the month', () => {
    // Saturday 3/7 worked 8 h (its week is full); Wednesday 3/18 is a day of 调休 leave, which its own
    // week (no rest day worked) does not use: it covers 3/7's 480 minutes.
    const result = standard('2026-03', { '2026-03-07': { workedMinutes: 480 }, '2026-03-18': { workedMinutes: 0, compensatoryLeave: 1 } });
    expect(day(result, '2026-03-07')).toMatchObject({ lieu: 480, regular: 480, overtime200: 0 });
    expect(result.overtime200Minutes).toBe(0);
  });

  it('does not carry a plain day off to another week: only 调休 leave moves', () => {
    // Same as above, but 3/18 is just a day not worked (no 调休 recorded): 3/7 stays at 200%.
    const result = standard('2026-03', { '2026-03-07': { workedMinutes: 480 }, '2026-03-18': { workedMinutes: 0 } });
    expect(day(result, '2026-03-07')).toMatchObject({ lieu: 0, overtime200: 480 });
  });

  it('pays back half a rest day with half a day of 调休 and the other half at 200%', () => {
    // 3/18: worked the morning (240), 调休 in the afternoon: 240 minutes of lieu for Saturday 3/7.
    const result = standard('2026-03', { '2026-03-07': { workedMinutes: 480 }, '2026-03-18': { workedMinutes: 240, compensatoryLeave: 0.5 } });
    expect(day(result, '2026-03-07')).toMatchObject({ lieu: 240, regular: 240, overtime200: 240 });
    expect(day(result, '2026-03-18')).toMatchObject({ regular: 240, overtime150: 0 });
    // Worked: 22 × 480 − 240 (the afternoon off) + 480 (Saturday) = 10,800.
    expect(result).toMatchObject({ workedMinutes: 10_800, lieuMinutes: 240, overtime200Minutes: 240 });
  });

  it('does not take other leave for a day the roster gave off', () => {
    // 3/11 on annual leave, Saturday 3/14 worked: annual leave is not time off in lieu, so 200%.
    const result = standard('2026-03', { '2026-03-11': { workedMinutes: 0, otherLeave: 1 }, '2026-03-14': { workedMinutes: 480 } });
    expect(day(result, '2026-03-14')).toMatchObject({ lieu: 0, overtime200: 480 });
  });

  it('does not take a day of absence (旷工) for a day the roster gave off', () => {
    // 3/9 not turned up, Saturday 3/14 worked: an absence is not time off given, so 200%.
    const result = standard('2026-03', { '2026-03-09': { workedMinutes: 0, absent: 1 }, '2026-03-14': { workedMinutes: 480 } });
    expect(day(result, '2026-03-14')).toMatchObject({ lieu: 0, overtime200: 480 });
    // The same week with the Monday given off instead: time off in lieu, no 200%.
    const given = standard('2026-03', { '2026-03-09': { workedMinutes: 0 }, '2026-03-14': { workedMinutes: 480 } });
    expect(day(given, '2026-03-14')).toMatchObject({ lieu: 480, overtime200: 0 });
  });
});

describe('standard hours: the caps', () => {
  /** 3 h of extension on each of the first twelve working days of March 2026 (3/2–3/17): 36 h. */
  const twelveLongDays = Object.fromEntries(
    ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17'].map((dd) => [`2026-03-${dd}`, { workedMinutes: 660 }]),
  );

  it('stays within the 36 h monthly cap at exactly 36 h', () => {
    // 12 × 180 = 2,160 minutes = 36 h: not over the cap.
    const result = standard('2026-03', twelveLongDays);
    expect(result.overtime150Minutes).toBe(2160);
    expect(result.breaches).toEqual([]);
  });

  it('breaks the 36 h monthly cap with half an hour more', () => {
    // 2,160 + 30 on 3/18 = 2,190 > 2,160.
    const result = standard('2026-03', { ...twelveLongDays, '2026-03-18': { workedMinutes: 510 } });
    expect(result.breaches).toEqual([{ rule: 'monthly_overtime_cap', minutes: 2190, capMinutes: 2160 }]);
  });

  it('counts a rest day given back as lieu toward the 36 h cap, unless the setting reads it otherwise', () => {
    // 36 h of extension, and Saturday 3/21 worked with Wednesday 3/18 given off in its week: no
    // 200% is paid, but 2,160 + 480 = 2,640 minutes were worked beyond the standard week.
    const window = hoursWindow('standard', '2026-03', 'month');
    const days = daysOf(window.from, window.to, { ...twelveLongDays, '2026-03-18': { workedMinutes: 0 }, '2026-03-21': { workedMinutes: 480 } });
    const counted = hours('standard', '2026-03', days);
    expect(counted).toMatchObject({ overtimeMinutes: 2160, lieuMinutes: 480 });
    expect(counted.breaches).toEqual([{ rule: 'monthly_overtime_cap', minutes: 2640, capMinutes: 2160 }]);
    expect(hours('standard', '2026-03', days, { lieuCountsTowardMonthlyCap: false }).breaches).toEqual([]);
  });

  it('counts 200% and 300% minutes toward the monthly cap', () => {
    // 元旦 1/1 worked 10 h (600 at 300%) and the weekends 1/10, 1/11, 1/17 worked 8 h (3 × 480 at 200%):
    // 600 + 1,440 = 2,040, within; one more Saturday (1/24) makes 2,520, over.
    const weekends = { '2026-01-10': { workedMinutes: 480 }, '2026-01-11': { workedMinutes: 480 }, '2026-01-17': { workedMinutes: 480 } };
    const within = standard('2026-01', { '2026-01-01': { workedMinutes: 600 }, ...weekends });
    expect(within.overtimeMinutes).toBe(2040);
    expect(within.breaches).toEqual([]);
    const over = standard('2026-01', { '2026-01-01': { workedMinutes: 600 }, ...weekends, '2026-01-24': { workedMinutes: 480 } });
    expect(over.breaches).toEqual([{ rule: 'monthly_overtime_cap', minutes: 2520, capMinutes: 2160 }]);
  });

  it('breaks the daily cap with more than 3 h of extension on one day', () => {
    // 3/18 worked 11 h 30: 690 − 480 = 210 minutes at 150% > 180. 3/19 worked 11 h: 180, within.
    const result = standard('2026-03', { '2026-03-18': { workedMinutes: 690 }, '2026-03-19': { workedMinutes: 660 } });
    expect(result.breaches).toEqual([{ rule: 'daily_overtime_cap', date: '2026-03-18', minutes: 210, capMinutes: 180 }]);
  });
});

describe('standard hours: a week across two months', () => {
  // Week Mon 1/26 – Sun 2/1. Tuesday 1/27 off (the roster's day: 480 of lieu); Wednesday 1/28 half
  // 调休 (240 of lieu); Saturday 1/31 and Sunday 2/1 worked 8 h each. In date order 1/31 takes the
  // roster's day (480), then 2/1 takes the half day of 调休 (240) and 240 remain at 200%.
  // Saturday 1/24 (week 1/19–1/25, full) worked 4 h: January's own 调休 is all used in its week,
  // so 1/24 stays at 200% — the half day went to 2/1, and counts once across the two months.
  const days = daysOf('2026-01-01', '2026-03-31', {
    '2026-01-24': { workedMinutes: 240 },
    '2026-01-27': { workedMinutes: 0 },
    '2026-01-28': { workedMinutes: 240, compensatoryLeave: 0.5 },
    '2026-01-31': { workedMinutes: 480 },
    '2026-02-01': { workedMinutes: 480 },
  });
  const january = hours('standard', '2026-01', days);
  const february = hours('standard', '2026-02', days);

  it('gives the same allocation from both months', () => {
    expect(day(january, '2026-01-31')).toMatchObject({ lieu: 480, overtime200: 0 });
    expect(day(january, '2026-01-24')).toMatchObject({ lieu: 0, overtime200: 240 });
    expect(day(february, '2026-02-01')).toMatchObject({ lieu: 240, overtime200: 240 });
    // 720 minutes of lieu supplied by the week (480 + 240), 720 used: 480 in January, 240 in February.
    expect(january.lieuMinutes + february.lieuMinutes).toBe(720);
  });

  it('reports each month its own days only', () => {
    expect(january.days.map((entry) => entry.date)).toEqual(datesBetween('2026-01-01', '2026-01-31'));
    expect(february.days.map((entry) => entry.date)).toEqual(datesBetween('2026-02-01', '2026-02-28'));
  });

  it('lets February\'s own 调休 cover what the week left of Sunday 2/1', () => {
    // 2/25 (Wednesday) on 调休: its week has no rest day worked, so the 480 go to 2/1's last 240.
    const withLeave = days.map((entry) => (entry.date === '2026-02-25' ? { ...entry, workedMinutes: 0, compensatoryLeave: 1 } : entry));
    expect(day(hours('standard', '2026-02', withLeave), '2026-02-01')).toMatchObject({ lieu: 480, overtime200: 0 });
    // January's report of the same week does not change.
    expect(hours('standard', '2026-01', withLeave).days).toEqual(january.days);
  });
});

describe('standard hours: someone hired mid-month', () => {
  it('counts nothing before the hire date, and days before it give no lieu', () => {
    // Hired Wednesday 3/18. Monday 3/16 and Tuesday 3/17 have nothing worked, but the person was not
    // employed: they are not days the roster gave off, so Saturday 3/21 worked 8 h is 200%. A stray
    // 480 on 3/14, before the hire, is ignored. Worked: 10 working days (3/18–3/20, 3/23–3/27,
    // 3/30–3/31) × 480 + 480 = 5,280.
    const result = standard('2026-03', { '2026-03-14': { workedMinutes: 480 }, '2026-03-21': { workedMinutes: 480 } }, '2026-03-18');
    expect(result).toMatchObject({ workedMinutes: 5280, regularMinutes: 4800, overtime200Minutes: 480, lieuMinutes: 0 });
    expect(day(result, '2026-03-14')).toMatchObject({ employed: false, workedMinutes: 0, overtime200: 0 });
  });
});

describe('comprehensive hours (综合计算工时)', () => {
  it('settles a month cycle\'s excess at 150%, rest days included, with no 200% tier', () => {
    // March: 22 working days × 510 = 11,220, plus Saturday 3/14 worked 480 = 11,700.
    // Standard 22 × 480 = 10,560; excess 1,140 at 150%.
    const changes = Object.fromEntries(daysOf('2026-03-01', '2026-03-31').filter((entry) => isWorkingKind(entry.kind)).map((entry) => [entry.date, { workedMinutes: 510 }]));
    const result = hours('comprehensive', '2026-03', daysOf('2026-03-01', '2026-03-31', { ...changes, '2026-03-14': { workedMinutes: 480 } }));
    expect(result.cycle).toEqual([
      { from: '2026-03-01', to: '2026-03-31', workedMinutes: 11_700, standardMinutes: 10_560, excessMinutes: 1140, complete: true, settledInMonth: true },
    ]);
    expect(result).toMatchObject({ workedMinutes: 11_700, overtime150Minutes: 1140, overtime200Minutes: 0, overtimeMinutes: 1140, breaches: [] });
    expect(day(result, '2026-03-14')).toMatchObject({ regular: 480, overtime200: 0 });
  });

  it('lowers the cycle\'s standard by a day of annual leave, not by 调休', () => {
    // March as plain 8 h days, but 3/19 on annual leave and 3/20 on 调休 (nothing worked either day):
    // standard 21 × 480 = 10,080 (3/20 still owed), worked 20 × 480 = 9,600: no excess.
    const result = hours('comprehensive', '2026-03', daysOf('2026-03-01', '2026-03-31', {
      '2026-03-19': { workedMinutes: 0, otherLeave: 1 },
      '2026-03-20': { workedMinutes: 0, compensatoryLeave: 1 },
    }));
    expect(result.cycle?.[0]).toMatchObject({ workedMinutes: 9600, standardMinutes: 10_080, excessMinutes: 0 });
  });

  describe('a quarter cycle', () => {
    // Q1 2026: 21 + 16 + 22 = 59 working days, standard 28,320. January's working days at 9 h (+60 ×
    // 21 = 1,260), the rest at 8 h, and 除夕 2/16 (statutory) worked 8 h: worked 28,320 + 1,260 =
    // 29,580 (statutory excluded), excess 1,260.
    const januaryLong = Object.fromEntries(daysOf('2026-01-01', '2026-01-31').filter((entry) => isWorkingKind(entry.kind)).map((entry) => [entry.date, { workedMinutes: 540 }]));
    const days = daysOf('2026-01-01', '2026-03-31', { ...januaryLong, '2026-02-16': { workedMinutes: 480 } });
    const quarter = { comprehensiveCycle: 'quarter' as const };
    const cycle = { from: '2026-01-01', to: '2026-03-31', workedMinutes: 29_580, standardMinutes: 28_320, excessMinutes: 1260 };

    it('settles nothing in a month before the cycle ends, but pays the statutory day', () => {
      const february = hours('comprehensive', '2026-02', days, quarter);
      expect(february.cycle).toEqual([{ ...cycle, complete: false, settledInMonth: false }]);
      expect(february).toMatchObject({ overtime150Minutes: 0, overtime300Minutes: 480, overtimeMinutes: 480, breaches: [] });
    });

    it('settles the whole excess in its last month', () => {
      const march = hours('comprehensive', '2026-03', days, quarter);
      expect(march.cycle).toEqual([{ ...cycle, complete: true, settledInMonth: true }]);
      // 1,260 + the quarter's 480 statutory minutes = 1,740, within 3 × 36 h = 6,480.
      expect(march).toMatchObject({ overtime150Minutes: 1260, overtime300Minutes: 0, breaches: [] });
    });
  });

  it('breaks the cycle cap when the settled excess and statutory minutes pass 36 h in a month cycle', () => {
    // January: 21 working days × 560 (+80 each = 1,680) and 元旦 1/1 worked 510: 1,680 + 510 = 2,190 > 2,160.
    const long = Object.fromEntries(daysOf('2026-01-01', '2026-01-31').filter((entry) => isWorkingKind(entry.kind)).map((entry) => [entry.date, { workedMinutes: 560 }]));
    const result = hours('comprehensive', '2026-01', daysOf('2026-01-01', '2026-01-31', { ...long, '2026-01-01': { workedMinutes: 510 } }));
    expect(result).toMatchObject({ overtime150Minutes: 1680, overtime300Minutes: 510 });
    expect(result.breaches).toEqual([{ rule: 'cycle_overtime_cap', from: '2026-01-01', to: '2026-01-31', minutes: 2190, capMinutes: 2160 }]);
  });

  it('settles a week cycle in the month of its Sunday', () => {
    // March's weeks: 2/23–3/1 … 3/30–4/5. Saturday 3/14 worked 8 h: week 3/9–3/15 has 480 of excess,
    // settled in March. 3/30 and 3/31 worked 10 h: week 3/30–4/5 has 240 of excess, settled in April.
    const days = daysOf('2026-02-23', '2026-04-05', { '2026-03-14': { workedMinutes: 480 }, '2026-03-30': { workedMinutes: 600 }, '2026-03-31': { workedMinutes: 600 } });
    const result = hours('comprehensive', '2026-03', days, { comprehensiveCycle: 'week' });
    expect(result.cycle?.map((entry) => [entry.from, entry.excessMinutes, entry.settledInMonth])).toEqual([
      ['2026-02-23', 0, true], ['2026-03-02', 0, true], ['2026-03-09', 480, true], ['2026-03-16', 0, true],
      ['2026-03-23', 0, true], ['2026-03-30', 240, false],
    ]);
    expect(result.overtime150Minutes).toBe(480);
  });
});
