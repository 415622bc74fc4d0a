import { describe, expect, it } from 'vitest';
import { buildYear, datesBetween, isWeekend } from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';
import { LUNAR_TABLE, provisionalNotice, statutoryHolidaysOf } from '../../../solver/calendar/provisional.ts';
import { ageOn, birthDateOfIdNumber, partialHolidaysOf } from '../../../solver/calendar/partial-holidays.ts';

const statutoryOf = (days: { date: string; kind: string }[]) => days.filter((day) => day.kind === 'statutory').map((day) => day.date);

describe('a provisional year from the holiday law and the lunar table', () => {
  it('gives 2027 its 13 statutory days: 春节 is 除夕 2027-02-05 and 正月初一 to 初三 (02-06 to 02-08)', () => {
    expect(statutoryHolidaysOf(2027)).toEqual([
      { name: '元旦', dates: ['2027-01-01'] },
      { name: '春节', dates: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] },
      { name: '清明节', dates: ['2027-04-05'] },
      { name: '劳动节', dates: ['2027-05-01', '2027-05-02'] },
      { name: '端午节', dates: ['2027-06-09'] },
      { name: '中秋节', dates: ['2027-09-15'] },
      { name: '国庆节', dates: ['2027-10-01', '2027-10-02', '2027-10-03'] },
    ]);
  });

  it('moves nothing: statutory days are holidays, every other day a plain weekday or weekend', () => {
    const days = buildYear(provisionalNotice(2027)!);
    expect(statutoryOf(days)).toHaveLength(13);
    expect(days.filter((day) => day.kind === 'makeup' || day.kind === 'holiday_rest')).toEqual([]);
    // 2027-02-06 and 07 are a Saturday and Sunday: still statutory (300%), no 补假 placed for them.
    expect(days.find((day) => day.date === '2027-02-06')).toEqual({ date: '2027-02-06', kind: 'statutory', holidayName: '春节' });
    expect(days.find((day) => day.date === '2027-02-09')).toEqual({ date: '2027-02-09', kind: 'workday', holidayName: null });
    expect(days.find((day) => day.date === '2027-10-04')).toEqual({ date: '2027-10-04', kind: 'workday', holidayName: null });
    for (const day of days.filter((d) => d.kind !== 'statutory')) expect(day.kind).toBe(isWeekend(day.date) ? 'weekend' : 'workday');
  });

  it('agrees with the 2026 notice built into the app on every statutory day', () => {
    expect(statutoryOf(buildYear(provisionalNotice(2026)!))).toEqual(statutoryOf(buildYear(NOTICE_2026)));
    const named = new Map(buildYear(NOTICE_2026).map((day) => [day.date, day.holidayName]));
    for (const holiday of statutoryHolidaysOf(2026)!) for (const date of holiday.dates) expect(named.get(date)).toBe(holiday.name);
  });

  it('keeps a day two holidays share once (2031: 中秋 on 10月1日) and knows no year past its table', () => {
    const days = buildYear(provisionalNotice(2031)!);
    expect(days.find((day) => day.date === '2031-10-01')).toMatchObject({ kind: 'statutory', holidayName: '中秋节' });
    expect(statutoryOf(days)).toHaveLength(12);
    expect(provisionalNotice(2036)).toBeNull();
    expect(statutoryHolidaysOf(2025)).toBeNull();
  });

  it('has a sane table: 除夕 is the day before 初一, all in the right season', () => {
    for (const [year, row] of Object.entries(LUNAR_TABLE)) {
      expect(datesBetween(row.eve, row.springFestival)).toEqual([row.eve, row.springFestival]);
      expect(row.springFestival >= `${year}-01-21` && row.springFestival <= `${year}-02-20`).toBe(true);
      expect(['04-04', '04-05', '04-06']).toContain(row.qingming.slice(5));
      expect(row.midAutumn >= `${year}-09-07` && row.midAutumn <= `${year}-10-08`).toBe(true);
    }
  });
});

describe('holidays of part of the staff', () => {
  const workday = (date: string) => !isWeekend(date);

  it('gives women the afternoon of 3·8 when it is a working day, and nothing when it is a rest day', () => {
    expect(partialHolidaysOf({ gender: 'F', birthDate: null }, ['2027-03-08'], workday)).toEqual([{ date: '2027-03-08', name: '三八妇女节', nameEn: "Women's Day", part: 'pm' }]);
    expect(partialHolidaysOf({ gender: 'M', birthDate: null }, ['2027-03-08'], workday)).toEqual([]);
    // 2026-03-08 is a Sunday: no half day and none in lieu.
    expect(partialHolidaysOf({ gender: 'F', birthDate: null }, ['2026-03-08', '2026-03-09'], workday)).toEqual([]);
  });

  it('gives the afternoon of 5·4 to staff aged 14 to 28 on the day, read from the ID number', () => {
    expect(birthDateOfIdNumber('110101199805050018')).toBe('1998-05-05');
    expect(birthDateOfIdNumber('11010119980230001X')).toBeNull();
    expect(birthDateOfIdNumber(null)).toBeNull();
    expect(ageOn('1998-05-05', '2027-05-04')).toBe(28);
    expect(ageOn('1998-05-04', '2027-05-04')).toBe(29);
    const youth = (birthDate: string) => partialHolidaysOf({ gender: 'M', birthDate }, ['2027-05-04'], workday).map((day) => day.name);
    expect(youth('1998-05-05')).toEqual(['五四青年节']);
    expect(youth('1998-05-04')).toEqual([]);
    expect(youth('1990-01-01')).toEqual([]);
  });
});
