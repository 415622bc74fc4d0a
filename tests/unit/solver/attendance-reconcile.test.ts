import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  mergeSegments,
  reconcile,
  type CalendarInput,
  type CorrectionInput,
  type DayPlan,
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
      { date: '2026-09-15', contracted: 3, staffed: 2, onLeave: 1, absent: 0, vacancy: 0, rest: 0 },
      { date: '2026-09-16', contracted: 3, staffed: 2, onLeave: 0, absent: 1, vacancy: 0, rest: 0 },
    ]);
    expect(zone2).toMatchObject({ contractedPostDays: 6, staffedPostDays: 3, ratePercent: 50 });
    expect(zone2!.shortDays.every((day) => day.vacancy === 1 && day.onLeave === 0 && day.absent === 0)).toBe(true);
    expect(month.centre).toEqual({ contractedPostDays: 15, staffedPostDays: 10, ratePercent: 66.7, met: false });
  });

  it('counts a person rostered off as neither present nor absent on a short day', () => {
    const rostered = run({ people, punches, leave, days: DAYS.slice(0, 3), plans: [{ staffId: 3, date: '2026-09-16', segments: [] }] });
    const withPlan = rostered.map((result) => ({ ...dutyPeople.find((person) => person.staffId === result.staffId)!, days: new Map(result.days.map((day) => [day.date, day])) }));
    const month = onDutyRate({ zoneIds: [1], workingDays, people: withPlan, rules: { definition: 'attendance', targetPercent: 98, contractedPosts: { 1: 3 } } });
    expect(month.zones[0]!.shortDays.find((day) => day.date === '2026-09-16')).toEqual({ date: '2026-09-16', contracted: 3, staffed: 2, onLeave: 0, absent: 0, vacancy: 0, rest: 1 });
  });

  it('counts people on the books under the headcount definition, and meets a target it reaches', () => {
    const month = onDutyRate({ zoneIds: [1, 2], workingDays, people: dutyPeople, rules: { definition: 'headcount', targetPercent: 98, contractedPosts: { 1: 3, 2: 1 } } });
    expect(month.zones[0]).toMatchObject({ staffedPostDays: 9, ratePercent: 100, met: true, shortDays: [] });
    expect(month.zones[1]).toMatchObject({ staffedPostDays: 3, ratePercent: 100, met: true });
    expect(month.centre).toMatchObject({ contractedPostDays: 12, staffedPostDays: 12, met: true });
  });
});

describe('merging duties into stretches', () => {
  it('joins touching and overlapping duties, keeps apart ones with a gap, and sorts them', () => {
    expect(mergeSegments([{ startsAt: 810, endsAt: 1050 }, { startsAt: 510, endsAt: 720 }, { startsAt: 720, endsAt: 810 }])).toEqual([{ startsAt: 510, endsAt: 1050 }]);
    expect(mergeSegments([{ startsAt: 510, endsAt: 720 }, { startsAt: 600, endsAt: 690 }, { startsAt: 700, endsAt: 780 }])).toEqual([{ startsAt: 510, endsAt: 780 }]);
    expect(mergeSegments([{ startsAt: 810, endsAt: 1050 }, { startsAt: 510, endsAt: 720 }])).toEqual([{ startsAt: 510, endsAt: 720 }, { startsAt: 810, endsAt: 1050 }]);
    expect(mergeSegments([])).toEqual([]);
  });

  it('leaves its input as it was', () => {
    const input = [{ startsAt: 510, endsAt: 720 }, { startsAt: 720, endsAt: 810 }];
    mergeSegments(input);
    expect(input).toEqual([{ startsAt: 510, endsAt: 720 }, { startsAt: 720, endsAt: 810 }]);
  });
});

describe('reconciling against the published roster', () => {
  const AM = { startsAt: 510, endsAt: 720 };
  const NOON = { startsAt: 720, endsAt: 810 };
  const PM = { startsAt: 810, endsAt: 1050 };
  const DAY = { startsAt: 510, endsAt: 1050 };
  const people = [1, 2].map((staffId) => ({ staffId, hireDate: '2025-01-01', leftOn: null }));
  const plan = (staffId: number, day: string, ...segments: { startsAt: number; endsAt: number }[]): DayPlan => ({ staffId, date: `2026-09-${day}`, segments });
  const dayOf = (result: PersonMonth, day: string) => result.days.find((candidate) => candidate.date === `2026-09-${day}`)!;

  it('judges a rostered Saturday duty on its punches, and an unrostered Saturday stays 休', () => {
    const [one, two] = run({
      people,
      plans: [plan(1, '19', AM), plan(2, '19', AM)],
      punches: [...punch(1, '19', '08:50', '12:01'), ...punch(2, '19', '09:00', '12:10')],
    });
    expect(dayOf(one!, '19')).toMatchObject({ status: 'late', code: '迟', lateMinutes: 20, worked: 1, present: true, rostered: true, overtimeMinutes: 0 });
    expect(dayOf(one!, '19').segments).toMatchObject([{ startsAt: 510, endsAt: 720, status: 'late', clockIn: 530, clockOut: 721 }]);
    const [none] = run({ people: people.slice(0, 1), plans: [plan(1, '19')], punches: [] });
    expect(dayOf(none!, '19')).toMatchObject({ code: '休', absent: 0, rostered: true });
    const [unrostered] = run({ people: people.slice(1), punches: punch(2, '19', '09:00', '12:10') });
    expect(dayOf(unrostered!, '19')).toMatchObject({ code: '休', overtimeMinutes: 180, rostered: false });
    // The same punches on a rostered Saturday are a duty judged, not overtime.
    expect(dayOf(two!, '19')).toMatchObject({ code: '迟', lateMinutes: 30, absent: 0, overtimeMinutes: 0 });
  });

  it('judges a duty on a statutory holiday, and a rostered rest day on a holiday keeps its 节', () => {
    const [one, two] = run({ people, plans: [plan(1, '25', DAY), plan(2, '25')], punches: punch(1, '25', '08:29') });
    expect(dayOf(one!, '25')).toMatchObject({ status: 'missing', code: '缺', present: true });
    expect(dayOf(two!, '25')).toMatchObject({ status: 'holiday', code: '节', rostered: true, scheduledMinutes: 0 });
  });

  it('marks a rostered rest day on a weekday 休, not 旷, counts its punches as overtime and charges no leave on it', () => {
    const [one, two] = run({
      people,
      plans: [plan(1, '14'), plan(2, '14')],
      punches: punch(2, '14', '09:00', '11:40'),
      leave: [{ staffId: 1, type: 'annual', fromDate: '2026-09-14', toDate: '2026-09-15', part: 'full' }],
    });
    expect(dayOf(one!, '14')).toMatchObject({ status: 'rest', code: '休', worked: 0, absent: 0, leave: {}, onLeave: 0, present: false, rostered: true });
    // The leave's other day has no plan: it is charged as before.
    expect(dayOf(one!, '15')).toMatchObject({ code: '年', rostered: false });
    expect(one!.totals.leaveDays.annual).toBe(1);
    expect(dayOf(two!, '14')).toMatchObject({ status: 'rest', code: '休', overtimeMinutes: 150, absent: 0 });
  });

  it('merges a morning and the lunch cover into one stretch, so the lunch punches are not read as missing', () => {
    const [result] = run({ people: people.slice(0, 1), plans: [plan(1, '14', AM, NOON)], punches: punch(1, '14', '08:25', '13:32') });
    const day = dayOf(result!, '14');
    expect(day).toMatchObject({ status: 'on_time', code: '√', worked: 1, missingCount: 0, scheduledMinutes: 300, attendedMinutes: 300 });
    expect(day.segments).toMatchObject([{ startsAt: 510, endsAt: 810, status: 'on_time', clockIn: 505, clockOut: 812 }]);
  });

  it('takes several plans for the same person and day together', () => {
    const [result] = run({ people: people.slice(0, 1), plans: [plan(1, '14', AM), plan(1, '14', NOON)], punches: punch(1, '14', '08:25', '13:32') });
    expect(dayOf(result!, '14').segments).toMatchObject([{ startsAt: 510, endsAt: 810, status: 'on_time' }]);
  });

  it('judges a full-day duty by its own times, where the default day would see two missing punches', () => {
    const punches = [...punch(1, '14', '08:25', '17:35'), ...punch(2, '14', '08:25', '17:35')];
    const [rostered, unrostered] = run({ people, plans: [plan(1, '14', DAY)], punches });
    expect(dayOf(rostered!, '14')).toMatchObject({ status: 'on_time', code: '√', overtimeMinutes: 0, scheduledMinutes: 540, attendedMinutes: 540 });
    expect(dayOf(rostered!, '14').segments).toMatchObject([{ startsAt: 510, endsAt: 1050, clockIn: 505, clockOut: 1055 }]);
    expect(dayOf(unrostered!, '14')).toMatchObject({ status: 'missing', code: '缺', rostered: false });
    expect(dayOf(unrostered!, '14').segments.map((segment) => segment.status)).toEqual(['missing', 'missing']);
  });

  it('lets a morning leave cover a whole stretch across noon, and an afternoon leave none of it', () => {
    const leave = (part: 'am' | 'pm'): LeaveSpan[] => [{ staffId: 1, type: 'annual', fromDate: '2026-09-14', toDate: '2026-09-14', part }];
    const [morningOff] = run({ people: people.slice(0, 1), plans: [plan(1, '14', DAY)], leave: leave('am'), punches: punch(1, '14', '13:25', '17:31') });
    expect(dayOf(morningOff!, '14')).toMatchObject({ status: 'leave', code: '年', leave: { annual: 1 }, onLeave: 1, attendedMinutes: 0 });
    const [afternoonOff] = run({ people: people.slice(0, 1), plans: [plan(1, '14', DAY)], leave: leave('pm'), punches: punch(1, '14', '08:25', '12:00') });
    expect(dayOf(afternoonOff!, '14')).toMatchObject({ status: 'early', code: '早', leave: {}, attendedMinutes: 540 });
    // A stretch starting at noon is the afternoon's.
    const [lunchAndAfternoon] = run({ people: people.slice(0, 1), plans: [plan(1, '14', NOON, PM)], leave: leave('pm') });
    expect(dayOf(lunchAndAfternoon!, '14')).toMatchObject({ status: 'leave', code: '年' });
  });

  it('counts scheduled and attended minutes: on time, late beyond the threshold, half-day leave, absence', () => {
    const [result] = run({
      people: people.slice(0, 1),
      days: DAYS.slice(0, 4),
      punches: [...fullDay(1, '14'), ...punch(1, '15', '09:10', '12:00', '13:25', '17:30'), ...punch(1, '16', '13:25', '17:31')],
      leave: [{ staffId: 1, type: 'sick', fromDate: '2026-09-16', toDate: '2026-09-16', part: 'am' }],
    });
    expect(result!.days.map((day) => [day.code, day.scheduledMinutes, day.attendedMinutes])).toEqual([
      ['√', 450, 450],
      ['旷½', 450, 240],
      ['病½', 450, 240],
      ['旷', 450, 0],
    ]);
    expect(result!.days.every((day) => !day.rostered)).toBe(true);
  });

  it('counts a late arrival within the threshold, an early leaving and a missing punch in full', () => {
    const [result] = run({
      people: people.slice(0, 1),
      days: DAYS.slice(0, 3),
      punches: [...punch(1, '14', '08:50', '12:00', '13:25', '17:30'), ...punch(1, '15', '08:25', '12:00', '13:25', '17:00'), ...punch(1, '16', '08:25', '13:25', '17:30')],
    });
    expect(result!.days.map((day) => [day.code, day.attendedMinutes])).toEqual([['迟', 450], ['早', 450], ['缺', 450]]);
  });

  it('gives a corrected day its minutes by the correction: attendance in full, half absence half, absence, rest and leave none', () => {
    const at = '2026-09-30T09:00:00Z';
    const statuses = ['on_time', 'missing', 'half_absent', 'absent', 'rest', 'official'] as const;
    const days = DAYS.filter((day) => WORKING.includes(day.date.slice(8))).slice(0, statuses.length);
    const [result] = run({
      people: people.slice(0, 1),
      days,
      corrections: statuses.map((status, index) => ({ staffId: 1, date: days[index]!.date, status, at })),
    });
    expect(result!.days.map((day) => [day.code, day.corrected, day.scheduledMinutes, day.attendedMinutes])).toEqual([
      ['√', true, 450, 450],
      ['缺', true, 450, 450],
      ['旷½', true, 450, 225],
      ['旷', true, 450, 0],
      ['休', true, 450, 0],
      ['公', true, 450, 0],
    ]);
    const [rostered] = run({ people: people.slice(0, 1), plans: [plan(1, '19', DAY)], corrections: [{ staffId: 1, date: '2026-09-19', status: 'late', at }] });
    expect(dayOf(rostered!, '19')).toMatchObject({ code: '迟', corrected: true, rostered: true, scheduledMinutes: 540, attendedMinutes: 540 });
  });

  it('fills in a pending day\u2019s scheduled minutes from its plan, with nothing attended yet', () => {
    const [result] = run({ people: people.slice(0, 1), pendingFrom: '2026-09-14', days: DAYS.slice(0, 7), plans: [plan(1, '15', DAY), plan(1, '16'), plan(1, '19', AM)] });
    expect(result!.days.map((day) => [day.status, day.rostered, day.scheduledMinutes, day.attendedMinutes])).toEqual([
      ['pending', false, 450, 0],
      ['pending', true, 540, 0],
      ['pending', true, 0, 0],
      ['pending', false, 450, 0],
      ['pending', false, 450, 0],
      ['pending', true, 210, 0],
      ['pending', false, 450, 0],
    ]);
  });

  it('leaves days without a plan as they were, for the person with plans and for everyone else', () => {
    const plans = [plan(1, '14', DAY), plan(2, '19', AM), plan(3, '22')];
    const plain = run({ people: PEOPLE, punches: PUNCHES, leave: LEAVE, corrections: CORRECTIONS });
    const planned = run({ people: PEOPLE, punches: PUNCHES, leave: LEAVE, corrections: CORRECTIONS, plans });
    const withoutPlans = (months: PersonMonth[]) =>
      months.map((month) => month.days.filter((day) => !plans.some((p) => p.staffId === month.staffId && p.date === day.date)));
    expect(withoutPlans(planned)).toEqual(withoutPlans(plain));
    expect(planned.flatMap((month) => month.days.filter((day) => day.rostered).map((day) => `${month.staffId} ${day.date}`))).toEqual([
      '1 2026-09-14', '2 2026-09-19', '3 2026-09-22',
    ]);
    // Person 3's correction still wins on a rostered rest day.
    expect(dayOf(planned[2]!, '22')).toMatchObject({ code: '公', corrected: true });
  });
});

describe('the lunch break taken out of a rest day’s punch span (issue 17 item 2)', () => {
  const LUNCH = { startsAt: 720, endsAt: 810 }; // 12:00–13:30
  const saturday = (breakWindow: ReconcileInput['breakWindow'], ...times: string[]) =>
    run({ people: [PEOPLE[0]!], punches: punch(1, '19', ...times), ...(breakWindow ? { breakWindow } : {}) })[0]!.days[5]!;

  it('takes the whole break out of a span covering it: 08:00–17:00 is 540 − 90 = 450 minutes', () => {
    expect(saturday(LUNCH, '08:00', '17:00')).toMatchObject({ code: '休', overtimeMinutes: 450 });
  });

  it('takes out only the part covered by a span ending inside it: 08:00–12:30 is 270 − 30 = 240', () => {
    expect(saturday(LUNCH, '08:00', '12:30')).toMatchObject({ overtimeMinutes: 240 });
    // Starting inside it: 13:00–17:00 is 240 − 30 = 210.
    expect(saturday(LUNCH, '13:00', '17:00')).toMatchObject({ overtimeMinutes: 210 });
  });

  it('leaves a span not touching the break as it was: 14:00–17:00 is 180', () => {
    expect(saturday(LUNCH, '14:00', '17:00')).toMatchObject({ overtimeMinutes: 180 });
    expect(saturday(LUNCH, '08:00', '12:00')).toMatchObject({ overtimeMinutes: 240 });
  });

  it('keeps the old count with a setting of no break (start = end) and with none given', () => {
    expect(saturday({ startsAt: 720, endsAt: 720 }, '08:00', '17:00')).toMatchObject({ overtimeMinutes: 540 });
    expect(saturday(undefined, '08:00', '17:00')).toMatchObject({ overtimeMinutes: 540 });
  });

  it('does not change how a rostered day counts: its duties, not the span', () => {
    const [rostered] = run({
      people: [PEOPLE[0]!], punches: punch(1, '19', '08:25', '17:35'), breakWindow: LUNCH,
      plans: [{ staffId: 1, date: '2026-09-19', segments: [{ startsAt: 510, endsAt: 1050 }] }],
    });
    expect(rostered!.days[5]).toMatchObject({ status: 'on_time', scheduledMinutes: 540, attendedMinutes: 540, overtimeMinutes: 0 });
  });
});
