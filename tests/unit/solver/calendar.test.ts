import { describe, expect, it } from 'vitest';
import {
  buildYear,
  datesBetween,
  isWorkingKind,
  noticeFieldProblems,
  noticeProblems,
  plainYear,
  type DayKind,
  type HolidayNotice,
} from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';

/*
 * The 2026 notice (国办发明电〔2025〕7号) written out again from shared/DOMAIN.md, independently of
 * solver/calendar/notices.ts, so a slip in either shows up here.
 */
const DAYS_OFF: [string, string, string][] = [
  ['元旦', '01-01', '01-03'],
  ['春节', '02-15', '02-23'],
  ['清明', '04-04', '04-06'],
  ['劳动节', '05-01', '05-05'],
  ['端午', '06-19', '06-21'],
  ['中秋', '09-25', '09-27'],
  ['国庆', '10-01', '10-07'],
];
const MAKEUP = ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'];
const STATUTORY = ['01-01', '02-16', '02-17', '02-18', '02-19', '04-05', '05-01', '05-02', '06-19', '09-25', '10-01', '10-02', '10-03'];

function expectedKind(date: string): DayKind {
  const monthDay = date.slice(5);
  if (STATUTORY.includes(monthDay)) return 'statutory';
  if (MAKEUP.includes(monthDay)) return 'makeup';
  if (DAYS_OFF.some(([, from, to]) => monthDay >= from && monthDay <= to)) return 'holiday_rest';
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

/** The holiday names in notices.ts are the notice's full names (清明节 for 清明). */
const sameHoliday = (table: string, actual: string | null) => actual !== null && actual.startsWith(table);

describe('the 2026 working calendar', () => {
  const year = buildYear(NOTICE_2026);
  const byDate = new Map(year.map((day) => [day.date, day]));

  it('has every day of the year once, in order', () => {
    expect(year).toHaveLength(365);
    expect(year[0]!.date).toBe('2026-01-01');
    expect(year[364]!.date).toBe('2026-12-31');
    expect(new Set(year.map((day) => day.date)).size).toBe(365);
  });

  it('counts 13 statutory days, 6 make-up days and the rest of the 33 days off', () => {
    const count = (kind: DayKind) => year.filter((day) => day.kind === kind).length;
    expect(count('statutory')).toBe(13);
    expect(count('makeup')).toBe(6);
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off, less the 13 statutory ones.
    expect(count('holiday_rest')).toBe(33 - 13);
    // 2026 has 104 Saturdays and Sundays; 6 are worked (make-up) and 14 fall inside the holiday spans
    // (1/3; 2/15, 2/21, 2/22; 4/4, 4/5; 5/2, 5/3; 6/20, 6/21; 9/26, 9/27; 10/3, 10/4).
    expect(count('weekend')).toBe(84);
    expect(count('workday')).toBe(365 - 13 - 6 - 20 - 84);
    expect(year.filter((day) => isWorkingKind(day.kind))).toHaveLength(242 + 6);
  });

  it('matches the notice on every single day', () => {
    const wrong = year.filter((day) => day.kind !== expectedKind(day.date)).map((day) => `${day.date}: ${day.kind} ≠ ${expectedKind(day.date)}`);
    expect(wrong).toEqual([]);
  });

  it('names the holiday of each day off and each make-up day, and nothing else', () => {
    for (const [name, from, to] of DAYS_OFF) {
      for (const date of datesBetween(`2026-${from}`, `2026-${to}`)) expect(sameHoliday(name, byDate.get(date)!.holidayName), date).toBe(true);
    }
    const makeupOf: Record<string, string> = { '01-04': '元旦', '02-14': '春节', '02-28': '春节', '05-09': '劳动节', '09-20': '国庆', '10-10': '国庆' };
    for (const [monthDay, name] of Object.entries(makeupOf)) {
      expect(byDate.get(`2026-${monthDay}`)).toMatchObject({ kind: 'makeup' });
      expect(sameHoliday(name, byDate.get(`2026-${monthDay}`)!.holidayName)).toBe(true);
    }
    expect(year.filter((day) => day.kind === 'workday' || day.kind === 'weekend').every((day) => day.holidayName === null)).toBe(true);
  });

  it('spells out the National Day week and the Saturday after it', () => {
    expect(datesBetween('2026-10-01', '2026-10-10').map((date) => byDate.get(date)!.kind)).toEqual([
      'statutory', 'statutory', 'statutory', 'holiday_rest', 'holiday_rest', 'holiday_rest', 'holiday_rest', 'workday', 'workday', 'makeup',
    ]);
  });
});

describe('plain years', () => {
  it('are Monday to Friday with nothing named', () => {
    const year = plainYear(2027);
    expect(year).toHaveLength(365);
    expect(year.find((day) => day.date === '2027-01-01')).toEqual({ date: '2027-01-01', kind: 'workday', holidayName: null });
    expect(year.find((day) => day.date === '2027-01-02')!.kind).toBe('weekend');
    expect(plainYear(2028)).toHaveLength(366);
  });
});

describe('checking a notice', () => {
  const good: HolidayNotice = {
    year: 2027,
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03', statutory: ['2027-01-01'] },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07', statutory: ['2027-10-01', '2027-10-02', '2027-10-03'] },
    ],
    makeupDays: [{ date: '2027-10-09', name: '国庆节' }],
  };

  it('finds nothing wrong with a sound notice', () => {
    expect(noticeProblems(good)).toEqual([]);
    expect(noticeFieldProblems(good)).toEqual({});
  });

  it('refuses a span that ends before it starts or leaves the year', () => {
    const notice = { ...good, holidays: [good.holidays[0]!, { name: '国庆节', from: '2027-10-07', to: '2027-10-01', statutory: [] }] };
    expect(noticeProblems(notice)).toContain('span:国庆节');
    expect(noticeFieldProblems(notice)).toEqual({ 'holidays.1.to': 'out_of_range' });
    const otherYear = { ...good, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02', statutory: [] }] };
    expect(noticeProblems(otherYear)).toEqual(['span:元旦']);
    expect(noticeFieldProblems(otherYear)).toEqual({ 'holidays.0.from': 'out_of_range' });
  });

  it('refuses statutory days outside their span', () => {
    const notice = { ...good, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', statutory: ['2027-01-01', '2027-01-04'] }] };
    expect(noticeProblems(notice)).toEqual(['statutory_outside:元旦:2027-01-04']);
    expect(noticeFieldProblems(notice)).toEqual({ 'holidays.0.statutory.1': 'out_of_range' });
  });

  it('refuses make-up days on a weekday, inside a holiday, outside the year or twice', () => {
    const weekday = { ...good, makeupDays: [{ date: '2027-10-08', name: '国庆节' }] };
    expect(noticeProblems(weekday)).toEqual(['makeup_not_weekend:2027-10-08']);
    expect(noticeFieldProblems(weekday)).toEqual({ 'makeupDays.0.date': 'invalid_value' });
    const inside = { ...good, makeupDays: [{ date: '2027-01-02', name: '元旦' }] };
    expect(noticeProblems(inside)).toEqual(['makeup_inside_holiday:2027-01-02']);
    expect(noticeFieldProblems(inside)).toEqual({ 'makeupDays.0.date': 'invalid_value' });
    const outside = { ...good, makeupDays: [{ date: '2026-10-10', name: '国庆节' }] };
    expect(noticeProblems(outside)).toEqual(['makeup_date:2026-10-10']);
    expect(noticeFieldProblems(outside)).toEqual({ 'makeupDays.0.date': 'out_of_range' });
    const twice = { ...good, makeupDays: [good.makeupDays[0]!, good.makeupDays[0]!] };
    expect(noticeProblems(twice)).toEqual(['makeup_twice:2027-10-09']);
    expect(noticeFieldProblems(twice)).toEqual({ 'makeupDays.1.date': 'invalid_value' });
  });

  it('refuses overlapping holiday spans', () => {
    const notice = { ...good, holidays: [...good.holidays, { name: '中秋节', from: '2027-10-06', to: '2027-10-08', statutory: [] }] };
    expect(noticeProblems(notice)).toEqual(['span_overlap:中秋节:国庆节']);
    expect(noticeFieldProblems(notice)).toEqual({ 'holidays.2.from': 'invalid_value' });
  });

  it('the built-in 2026 notice passes its own checks', () => {
    expect(noticeProblems(NOTICE_2026)).toEqual([]);
    expect(noticeFieldProblems(NOTICE_2026)).toEqual({});
  });
});
