/**
 * A year whose State Council notice is not out yet, from what the law alone fixes: the 13
 * statutory days of 全国年节及纪念日放假办法 (revised 2024-11-10, 国务院令第795号, in force
 * 2025-01-01), art. 2:
 *   元旦 1 (1月1日) · 春节 4 (农历除夕、正月初一至初三) · 清明节 1 (农历清明当日) ·
 *   劳动节 2 (5月1日、2日) · 端午节 1 (农历端午当日) · 中秋节 1 (农历中秋当日) ·
 *   国庆节 3 (10月1日至3日).
 * Only those days are holidays; weekends stay rest days; no 调休 is assumed (no make-up working
 * day, no bridging day off), and no 补假 is placed for a statutory day on a weekend (art. 6 makes
 * the notice say where it goes). Everything built on such a year is labelled provisional.
 *
 * The lunar dates and the 清明 solar term are a table, not a computation, so the app carries no
 * astronomy: each row was computed with the npm package lunar-javascript 1.7.7 (6tail, MIT;
 * `Lunar.fromYmd(y, 1, 1).next(-1)` for 除夕, `Lunar.fromYmd(y, m, d).getSolar()` for 初一, 端午
 * 五月初五 and 中秋 八月十五, `getJieQiTable()['清明']` for 清明) and agrees with the 2026 notice
 * (国办发明电〔2025〕7号) and the published 2027 春节 (2027-02-06 正月初一). A year past the table
 * has no provisional calendar: rostering into it waits for the notice, as before.
 */
import type { HolidayNotice } from './china-calendar.ts';

interface LunarYear {
  /** 农历除夕: the day before 正月初一. */
  eve: string;
  /** 正月初一. */
  springFestival: string;
  /** 清明 solar term. */
  qingming: string;
  /** 五月初五. */
  duanwu: string;
  /** 八月十五. */
  midAutumn: string;
}

export const LUNAR_TABLE: Readonly<Record<number, LunarYear>> = {
  2026: { eve: '2026-02-16', springFestival: '2026-02-17', qingming: '2026-04-05', duanwu: '2026-06-19', midAutumn: '2026-09-25' },
  2027: { eve: '2027-02-05', springFestival: '2027-02-06', qingming: '2027-04-05', duanwu: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { eve: '2028-01-25', springFestival: '2028-01-26', qingming: '2028-04-04', duanwu: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { eve: '2029-02-12', springFestival: '2029-02-13', qingming: '2029-04-04', duanwu: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { eve: '2030-02-02', springFestival: '2030-02-03', qingming: '2030-04-05', duanwu: '2030-06-05', midAutumn: '2030-09-12' },
  2031: { eve: '2031-01-22', springFestival: '2031-01-23', qingming: '2031-04-05', duanwu: '2031-06-24', midAutumn: '2031-10-01' },
  2032: { eve: '2032-02-10', springFestival: '2032-02-11', qingming: '2032-04-04', duanwu: '2032-06-12', midAutumn: '2032-09-19' },
  2033: { eve: '2033-01-30', springFestival: '2033-01-31', qingming: '2033-04-04', duanwu: '2033-06-01', midAutumn: '2033-09-08' },
  2034: { eve: '2034-02-18', springFestival: '2034-02-19', qingming: '2034-04-05', duanwu: '2034-06-20', midAutumn: '2034-09-27' },
  2035: { eve: '2035-02-07', springFestival: '2035-02-08', qingming: '2035-04-05', duanwu: '2035-06-10', midAutumn: '2035-09-16' },
};

/** The statutory days of one holiday, in the order of the 办法. */
export interface StatutoryHoliday {
  name: string;
  dates: string[];
}

/** The 13 statutory days of `year`, or null for a year past the lunar table. */
export function statutoryHolidaysOf(year: number): StatutoryHoliday[] | null {
  const lunar = LUNAR_TABLE[year];
  if (!lunar) return null;
  const day = (monthDay: string) => `${year}-${monthDay}`;
  return [
    { name: '元旦', dates: [day('01-01')] },
    { name: '春节', dates: [lunar.eve, ...consecutive(lunar.springFestival, 3)] },
    { name: '清明节', dates: [lunar.qingming] },
    { name: '劳动节', dates: [day('05-01'), day('05-02')] },
    { name: '端午节', dates: [lunar.duanwu] },
    { name: '中秋节', dates: [lunar.midAutumn] },
    { name: '国庆节', dates: [day('10-01'), day('10-02'), day('10-03')] },
  ];
}

/**
 * The year as a notice that moves nothing: each holiday a span of its statutory days only, no
 * make-up days. Where two holidays fall on one day (中秋 on 10月1日 in 2031) the day is kept once,
 * under the earlier holiday, and the later span starts after it: the notice will say what follows.
 */
export function provisionalNotice(year: number): HolidayNotice | null {
  const holidays = statutoryHolidaysOf(year);
  if (!holidays) return null;
  const taken = new Set<string>();
  const spans: HolidayNotice['holidays'] = [];
  for (const holiday of holidays) {
    const own = holiday.dates.filter((date) => !taken.has(date) && date.startsWith(`${year}-`));
    own.forEach((date) => taken.add(date));
    // A span is a run of consecutive days; 春节's four are consecutive, the others one to three.
    for (const run of runsOf(own)) spans.push({ name: holiday.name, from: run[0]!, to: run[run.length - 1]!, statutory: run });
  }
  return { year, holidays: spans, makeupDays: [] };
}

function consecutive(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10));
}

function runsOf(dates: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const date of [...dates].sort()) {
    const last = runs[runs.length - 1];
    if (last && consecutive(last[last.length - 1]!, 2)[1] === date) last.push(date);
    else runs.push([date]);
  }
  return runs;
}
