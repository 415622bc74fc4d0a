import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  reconcile,
  type CalendarInput,
  type CorrectionInput,
  type LeaveSpan,
  type PersonMonth,
  type PunchInput,
  type ReconcileInput,
} from '../../../solver/attendance/reconcile.ts';
import { onDutyRate, type DutyPerson } from '../../../solver/attendance/on-duty.ts';

/**
 * A hand-made fortnight modelled on September 2026: Saturday 19 is a weekend day, Sunday 20 is a
 * make-up working day (调休上班), Friday 25 is 中秋 (statutory) and the weekend after is holiday rest.
 */
const DAYS: CalendarInput[] = [
  ['14', 'workday'], ['15', 'workday'], ['16', 'workday'], ['17', 'workday'], ['18', 'workday'],
  ['19', 'weekend'], ['20', 'makeup'], ['21', 'workday'], ['22', 'workday'], ['23', 'workday'],
  ['24', 'workday'], ['25', 'statutory'], ['26', 'holiday_rest'], ['27', 'holiday_rest'],
].map(([day, kind]) => ({ date: `2026-09-${day}`, kind: kind as CalendarInput['kind'] }));
const WORKING = ['14', '15', '16', '17', '18', '20', '21', '22', '23', '24'];
const SEGMENTS = [{ startsAt: 510, endsAt: 720 }, { startsAt: 810, endsAt: 1050 }];

function punch(staffId: number, day: string, ...times: string[]): PunchInput[] {
  return times.map((time) => ({ staffId, at: `2026-09-${day}T${time}` }));
}

/** The four punches of an ordinary day. */
function fullDay(staffId: number, day: string): PunchInput[] {
  return punch(staffId, day, '08:21', '12:02', '13:24', '17:33');
}

function run(overrides: Partial<ReconcileInput>): PersonMonth[] {
  return reconcile({ days: DAYS, segments: SEGMENTS, people: [], punches: [], leave: [], corrections: [], rules: DEFAULT_RULES, pendingFrom: '2026-12-01', ...overrides });
}

function codes(result: PersonMonth): string {
  return result.days.map((day) => day.code).join(' ');
}

const PEOPLE = [
  { staffId: 1, hireDate: '2025-01-01', leftOn: null },
  { staffId: 2, hireDate: '2025-01-01', leftOn: null },
  { staffId: 3, hireDate: '2026-09-21', leftOn: null },
  { staffId: 4, hireDate: '2024-05-01', leftOn: '2026-09-16' },
];

const PUNCHES: PunchInput[] = [
  ...WORKING.flatMap((day) => fullDay(1, day)),
  // Person 2: a fortnight with one of everything.
  ...fullDay(2, '14'),
  ...punch(2, '15', '08:50', '12:01', '13:20', '17:31'), // 20 minutes late
  ...punch(2, '16', '09:10', '12:00', '13:25', '17:30'), // 40 minutes late: half a day's absence
  ...punch(2, '17', '08:25', '12:00', '13:25', '17:00'), // left 30 minutes early
  ...punch(2, '18', '08:25', '13:25', '17:30'), // no lunch clock-out: missing punch
  ...punch(2, '19', '09:00', '12:10'), // worked 3 h 10 min on the weekend
  ...fullDay(2, '20'),
  // 21: nothing at all: absent. 22: annual leave. 23: sick in the morning.
  ...punch(2, '23', '13:28', '17:35'),
  ...punch(2, '24', '08:20', '12:00', '13:25', '19:10'), // 100 minutes past the end: 90 of overtime
  // Person 3, hired on the 21st: the 22nd has no punches but is corrected to official business.
  ...['21', '23', '24'].flatMap((day) => fullDay(3, day)),
  // Person 4 left on the 16th.
  ...['14', '15', '16'].flatMap((day) => fullDay(4, day)),
];

const LEAVE: LeaveSpan[] = [
  { staffId: 2, type: 'annual', fromDate: '2026-09-22', toDate: '2026-09-22', part: 'full' },
  { staffId: 2, type: 'sick', fromDate: '2026-09-23', toDate: '2026-09-23', part: 'am' },
];

const CORRECTIONS: CorrectionInput[] = [
  { staffId: 3, date: '2026-09-22', status: 'absent', at: '2026-09-23T09:00:00Z' },
  // The later correction wins.
  { staffId: 3, date: '2026-09-22', status: 'official', at: '2026-09-23T10:00:00Z' },
];

describe('reconciling a hand-made fortnight', () => {
  const [p1, p2, p3, p4] = run({ people: PEOPLE, punches: PUNCHES, leave: LEAVE, corrections: CORRECTIONS });

  it('marks every working day of a punctual person on time, the weekend 休, the make-up Sunday worked and the holiday 节', () => {
    expect(codes(p1!)).toBe('√ √ √ √ √ 休 √ √ √ √ √ 节 节 节');
    expect(p1!.totals).toMatchObject({ workedDays: 10, absentDays: 0, lateCount: 0, lateMinutes: 0, earlyCount: 0, missingCount: 0, overtimeMinutes: 0 });
  });

  it('gives every code its day: late, half-day absence, early, missing, absent, leave and half-day leave', () => {
    expect(codes(p2!)).toBe('√ 迟 旷½ 早 缺 休 √ 旷 年 病½ √ 节 节 节');
  });

  it('adds up the totals of that fortnight', () => {
    expect(p2!.totals).toEqual({
      workedDays: 7,
      absentDays: 1.5,
      leaveDays: { annual: 1, sick: 0.5, personal: 0, marriage: 0, maternity: 0, compensatory: 0, official: 0, outing: 0 },
      lateCount: 2,
      lateMinutes: 60,
      earlyCount: 1,
      missingCount: 1,
      overtimeMinutes: 270,
    });
  });

  it('records the segment detail: clock-in, clock-out, minutes late', () => {
    const late = p2!.days[1]!;
    expect(late.segments[0]).toMatchObject({ status: 'late', clockIn: 530, clockOut: 721, lateMinutes: 20, lateCountsAsAbsence: false });
    expect(late.segments[1]).toMatchObject({ status: 'on_time', clockIn: 800, clockOut: 1051 });
    expect(p2!.days[2]!.segments[0]).toMatchObject({ status: 'late', lateMinutes: 40, lateCountsAsAbsence: true });
    expect(p2!.days[2]!.present).toBe(true);
    expect(p2!.days[4]!.segments.map((segment) => segment.status)).toEqual(['missing', 'on_time']);
  });

  it('counts weekend work as overtime on a rest day and keeps the day 休', () => {
    expect(p2!.days[5]).toMatchObject({ code: '休', overtimeMinutes: 180 });
  });

  it('shows — before hiring and after leaving, and a correction overrides the day', () => {
    expect(codes(p3!)).toBe('— — — — — — — √ 公 √ √ 节 节 节');
    expect(p3!.days[8]).toMatchObject({ corrected: true, status: 'leave' });
    expect(p3!.totals.workedDays).toBe(3);
    expect(p3!.totals.leaveDays.official).toBe(1);
    expect(codes(p4!)).toBe('√ √ √ — — — — — — — — — — —');
    expect(p4!.totals.workedDays).toBe(3);
  });
});

describe('attendance rules', () => {
  const people = [{ staffId: 1, hireDate: '2025-01-01', leftOn: null }];
  const days = DAYS.slice(0, 1);

  it('does not count lateness within the grace period', () => {
    const [result] = run({ people, days, punches: punch(1, '14', '08:42', '12:00', '13:30', '17:30') });
    expect(result!.days[0]).toMatchObject({ code: '√', lateCount: 0, lateMinutes: 0 });
  });

  it('a longer grace excuses the same clock-in, a shorter half-day threshold makes it absence', () => {
    const punches = punch(1, '14', '08:50', '12:00', '13:30', '17:30');
    const [usual] = run({ people, days, punches, rules: { lateGraceMinutes: 15, halfDayAfterMinutes: 30 } });
    expect(usual!.days[0]).toMatchObject({ code: '迟', lateMinutes: 20, worked: 1 });
    const [graceful] = run({ people, days, punches, rules: { lateGraceMinutes: 20, halfDayAfterMinutes: 30 } });
    expect(graceful!.days[0]!.code).toBe('√');
    const [strict] = run({ people, days, punches, rules: { lateGraceMinutes: 5, halfDayAfterMinutes: 10 } });
    expect(strict!.days[0]).toMatchObject({ code: '旷½', absent: 0.5, worked: 0.5 });
  });

  it('leaves today and later pending', () => {
    const punches = punch(1, '14', '08:50', '12:00', '13:30', '17:30');
    const [result] = run({ people, punches, pendingFrom: '2026-09-15', days: DAYS.slice(0, 2) });
    expect(result!.days.map((day) => day.status)).toEqual(['late', 'pending']);
    expect(result!.days[1]!.code).toBe('');
  });
});

describe('the on-duty rate on a month with known gaps', () => {
  // Zone 1 contracts 3 posts and has 3 people; zone 2 contracts 2 and has 1 (a vacancy every day).
  const people = [1, 2, 3, 4].map((staffId) => ({ staffId, hireDate: '2025-01-01', leftOn: null }));
  const days = ['14', '15', '16'];
  const punches = [
    ...days.flatMap((day) => [...fullDay(1, day), ...fullDay(4, day)]),
    ...['14', '15'].flatMap((day) => fullDay(3, day)), // person 3 is absent on the 16th
    ...['14', '16'].flatMap((day) => fullDay(2, day)), // person 2 is on leave on the 15th
    ...punch(2, '16', '08:50'), // a stray extra punch does not change presence
  ];
  const leave: LeaveSpan[] = [{ staffId: 2, type: 'annual', fromDate: '2026-09-15', toDate: '2026-09-15', part: 'full' }];
  const results = run({ people, punches, leave, days: DAYS.slice(0, 3) });
  const zoneOf: Record<number, number> = { 1: 1, 2: 1, 3: 1, 4: 2 };
  const dutyPeople: DutyPerson[] = results.map((result) => ({
    ...people.find((person) => person.staffId === result.staffId)!,
    zoneId: zoneOf[result.staffId]!,
    days: new Map(result.days.map((day) => [day.date, day])),
  }));
  const workingDays = days.map((day) => `2026-09-${day}`);

  it('counts staffed post-days from attendance, with each short day and its reasons', () => {
    const month = onDutyRate({ zoneIds: [1, 2], workingDays, people: dutyPeople, rules: { definition: 'attendance', targetPercent: 98, contractedPosts: { 1: 3, 2: 2 } } });
    const [zone1, zone2] = month.zones;
    expect(zone1).toMatchObject({ contractedPostDays: 9, staffedPostDays: 7, ratePercent: 77.8, met: false });
    expect(zone1!.shortDays).toEqual([
      { date: '2026-09-15', contracted: 3, staffed: 2, onLeave: 1, absent: 0, vacancy: 0 },
      { date: '2026-09-16', contracted: 3, staffed: 2, onLeave: 0, absent: 1, vacancy: 0 },
    ]);
    expect(zone2).toMatchObject({ contractedPostDays: 6, staffedPostDays: 3, ratePercent: 50 });
    expect(zone2!.shortDays.every((day) => day.vacancy === 1 && day.onLeave === 0 && day.absent === 0)).toBe(true);
    expect(month.centre).toEqual({ contractedPostDays: 15, staffedPostDays: 10, ratePercent: 66.7, met: false });
  });

  it('counts people on the books under the headcount definition, and meets a target it reaches', () => {
    const month = onDutyRate({ zoneIds: [1, 2], workingDays, people: dutyPeople, rules: { definition: 'headcount', targetPercent: 98, contractedPosts: { 1: 3, 2: 1 } } });
    expect(month.zones[0]).toMatchObject({ staffedPostDays: 9, ratePercent: 100, met: true, shortDays: [] });
    expect(month.zones[1]).toMatchObject({ staffedPostDays: 3, ratePercent: 100, met: true });
    expect(month.centre).toMatchObject({ contractedPostDays: 12, staffedPostDays: 12, met: true });
  });
});
