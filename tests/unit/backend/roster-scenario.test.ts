import { describe, expect, it } from 'vitest';
import type { ShiftTemplateRecord } from '../../../data/repositories/calendar.ts';
import type { LeaveRecord } from '../../../data/repositories/leave.ts';
import type { PublishedDutyRecord } from '../../../data/repositories/roster.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import type { CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import { validateScenario } from '../../../solver/roster/scenario.ts';
import {
  buildScenario,
  calendarOf,
  daysWorkedBefore,
  demandOf,
  demandShifts,
  historyByPerson,
  historyStartOf,
  leaveOf,
  longestChain,
  partialHolidayAbsences,
  shiftOf,
  type RosterInputs,
} from '../../../electron/backend/roster/scenario-mapping.ts';
import { forecastDay, scenarioFromDb } from '../../../electron/backend/roster/scenario-from-db.ts';
import { ask, openTestBackend, refused, TEST_TODAY, withTestBackend } from '../../support/backend.ts';
import { withTempDir } from '../../support/temp.ts';
import type { Backend } from '../../../electron/backend/backend.ts';

/** The demo centre with the clock at `at` (HALL_ROSTER_CLOCK in the app). */
async function withBackendAt(at: string, work: (backend: Backend) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const backend = await openTestBackend(dir, at);
    try {
      await work(backend);
    } finally {
      await backend.close();
    }
  });
}

function template(code: string, startsAt: number, endsAt: number, defaultDay = false, active = true, id = startsAt): ShiftTemplateRecord {
  return { id, code, nameZh: code, nameEn: code, startsAt, endsAt, defaultDay, active };
}

/** The templates every new database starts with (migration 005). */
const AM = template('AM', 510, 720, true);
const PM = template('PM', 810, 1050, true);
const DAY = template('DAY', 510, 1050, false, true, 1);
const NOON = template('NOON', 720, 810);
const TEMPLATES = [AM, PM, DAY, NOON];

function person(id: number, overrides: Partial<StaffRecord> = {}): StaffRecord {
  return {
    id, employeeNo: `ZW${id}`, name: `员工${id}`, gender: 'F', phone: '13800138000', idNumber: '', hireDate: '2020-01-01',
    status: 'active', homeZoneId: 1, primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 1,
    workStartDate: null, leftOn: null, leaveReason: null, version: 1, updatedAt: '', ...overrides,
  };
}

function leave(staffId: number, from: string, to: string, part: LeaveRecord['part'] = 'full', type: LeaveRecord['type'] = 'annual'): LeaveRecord {
  return {
    id: 1, staffId, type, from, to, part, days: 1, reason: '', status: 'approved', conflictsAcknowledged: false, requestedAt: '',
    requestedBy: '', decidedAt: null, decidedBy: null, decisionNote: null, version: 1,
  };
}

function duty(staffId: number, date: string, shiftCode = 'AM', zoneIds = [1]): PublishedDutyRecord {
  return { rosterId: 1, staffId, date, shiftCode, postId: 11, zoneIds };
}

/** A week from Monday 2026-11-23 in zone 1 (posts 11 and 12 at its windows); zone 2 has post 21. */
function inputs(overrides: Partial<RosterInputs> = {}): RosterInputs {
  return {
    period: { from: '2026-11-23', days: 7, zoneIds: [1] },
    zones: [{ id: 1, code: 'TX', nameZh: '税务', nameEn: 'Tax', kind: 'windows', sortOrder: 1 }],
    posts: [
      { id: 11, code: 'TX-INTAKE', zoneId: 1, nameZh: '税务收件', nameEn: 'Tax intake', function: 'intake' },
      { id: 12, code: 'TX-HANDOUT', zoneId: 1, nameZh: '税务出件', nameEn: 'Tax hand-out', function: 'handout' },
      { id: 21, code: 'BR-INTAKE', zoneId: 2, nameZh: '商事收件', nameEn: 'Business intake', function: 'intake' },
    ],
    windows: [
      { id: 101, zoneId: 1, code: 'F01', nameZh: 'F01', nameEn: 'F01', kind: 'window', postId: 11, staffing: 'demand', saturdayService: false },
      { id: 102, zoneId: 1, code: 'F02', nameZh: 'F02', nameEn: 'F02', kind: 'window', postId: 12, staffing: 'fixed', saturdayService: false },
      { id: 201, zoneId: 2, code: 'B01', nameZh: 'B01', nameEn: 'B01', kind: 'window', postId: 21, staffing: 'demand', saturdayService: false },
    ],
    staff: [person(1), person(2), person(3)],
    cells: [
      { staffId: 1, postId: 11, level: 3, certifiedOn: null, mentorId: null, targetDate: null, updatedAt: '' },
      { staffId: 1, postId: 21, level: 2, certifiedOn: null, mentorId: null, targetDate: null, updatedAt: '' },
      { staffId: 2, postId: 12, level: 1, certifiedOn: null, mentorId: null, targetDate: null, updatedAt: '' },
      { staffId: 3, postId: 21, level: 3, certifiedOn: null, mentorId: null, targetDate: null, updatedAt: '' },
    ],
    ab: [{ windowId: 101, aStaffId: 1, bStaffId: null, updatedAt: '' }, { windowId: 201, aStaffId: 3, bStaffId: 1, updatedAt: '' }],
    templates: TEMPLATES,
    leave: [],
    calendar: new Map<string, CalendarDay>(),
    demand: [],
    duties: [],
    ...overrides,
  };
}

describe('the roster scenario from the hall’s records', () => {
  it('takes the posts of the selected zones’ windows, with string ids and Chinese names', () => {
    const scenario = buildScenario(inputs());
    expect(scenario.posts).toEqual([{ id: '11', name: '税务收件', zone: '1' }, { id: '12', name: '税务出件', zone: '1' }]);
    expect(scenario.start).toBe('2026-11-23');
    expect(scenario.days).toBe(7);
  });

  it('turns active shift templates into shifts by code with clock times, late when they end after 18:00', () => {
    expect(shiftOf(AM)).toEqual({ id: 'AM', start: '08:30', end: '12:00', name: 'AM' });
    expect(shiftOf(template('EVE', 1050, 1200))).toMatchObject({ start: '17:30', end: '20:00', late: true });
    expect(buildScenario(inputs({ templates: [...TEMPLATES, template('OLD', 0, 60, false, false)] })).shifts.map((s) => s.id)).toEqual(['AM', 'PM', 'DAY', 'NOON']);
  });

  it('places demand on the default day’s shifts and the lunch cover, never on a full day overlapping both', () => {
    expect(demandShifts(TEMPLATES).map((t) => t.code)).toEqual(['AM', 'NOON', 'PM']);
    expect(longestChain(TEMPLATES)).toBe(3);
  });

  it('needs per shift the most staff any half-hour inside it needs, for the selected posts and dates only', () => {
    const bySkill = [
      { postId: 11, date: '2026-11-23', slot: 17, required: 2 }, // 08:30
      { postId: 11, date: '2026-11-23', slot: 20, required: 3 }, // 10:00
      { postId: 11, date: '2026-11-23', slot: 24, required: 1 }, // 12:00, lunch
      { postId: 11, date: '2026-11-23', slot: 34, required: 5 }, // 17:00
      { postId: 21, date: '2026-11-23', slot: 20, required: 4 }, // another zone
      { postId: 11, date: '2026-11-30', slot: 20, required: 4 }, // after the period
    ];
    expect(demandOf(bySkill, demandShifts(TEMPLATES), new Set([11, 12]), ['2026-11-23'])).toEqual([
      { date: '2026-11-23', shift: 'AM', post: '11', required: 3 },
      { date: '2026-11-23', shift: 'NOON', post: '11', required: 1 },
      { date: '2026-11-23', shift: 'PM', post: '11', required: 5 },
    ]);
  });

  it('carries the peak half-hours and their tickets on a shift’s line where the forecast counts tickets', () => {
    const bySkill = [
      { postId: 11, date: '2026-11-23', slot: 17, required: 2, tickets: 4 }, // 08:30
      { postId: 11, date: '2026-11-23', slot: 20, required: 3, tickets: 5.4 }, // 10:00
      { postId: 11, date: '2026-11-23', slot: 21, required: 3, tickets: 6.4 }, // 10:30
      { postId: 11, date: '2026-11-23', slot: 22, required: 2, tickets: 3 }, // 11:00
      { postId: 11, date: '2026-11-23', slot: 23, required: 3, tickets: 9 }, // 11:30: a second run at the most
    ];
    expect(demandOf(bySkill, demandShifts(TEMPLATES), new Set([11]), ['2026-11-23'])).toEqual([
      { date: '2026-11-23', shift: 'AM', post: '11', required: 3, peak: { from: '10:00', to: '11:00', tickets: 12 } },
    ]);
  });

  it('maps statutory holidays to holiday, rest days and weekends to restday, make-up days to workday', () => {
    const calendar = new Map<string, CalendarDay>([
      ['2026-10-01', { date: '2026-10-01', kind: 'statutory', holidayName: '国庆节' }],
      ['2026-10-05', { date: '2026-10-05', kind: 'holiday_rest', holidayName: '国庆节' }],
      ['2026-10-10', { date: '2026-10-10', kind: 'makeup', holidayName: '国庆节' }],
      ['2026-10-11', { date: '2026-10-11', kind: 'weekend', holidayName: null }],
    ]);
    expect(calendarOf(calendar, ['2026-10-01', '2026-10-05', '2026-10-10', '2026-10-11', '2026-10-12']).map((e) => e.kind)).toEqual([
      'holiday', 'restday', 'workday', 'restday', 'workday',
    ]);
  });

  it('rosters everyone who holds a level in a selected post, with only those posts, their A/B posts and the weekly limits', () => {
    const staff = buildScenario(inputs({ staff: [person(1, { weeklyHourCap: 48 }), person(2), person(3)] })).staff;
    expect(staff.map((s) => s.id)).toEqual(['1', '2']);
    // Three shifts a day (morning, lunch cover, afternoon) × five days; hours cap the week first.
    expect(staff[0]).toMatchObject({ name: '员工1', skills: { '11': 3 }, homePosts: ['11'], maxShiftsPerWeek: 15, maxHoursPerWeek: 44, zone: '1' });
    // A standard contract's 40 h no longer caps the week: lunch cover and Saturday duty above it are overtime, up to the centre's 44 h.
    expect(staff[1]).toMatchObject({ skills: { '12': 1 }, homePosts: [], maxHoursPerWeek: 44, daysWorkedBefore: 0, history: {} });
  });

  it('makes approved leave unavailability named by its type, a half day blocking the shifts reaching into that half', () => {
    const dates = ['2026-11-23', '2026-11-24', '2026-11-25'];
    expect(leaveOf([leave(1, '2026-11-20', '2026-11-23', 'full', 'sick')], dates, TEMPLATES)).toEqual([{ date: '2026-11-23', reason: '病假' }]);
    expect(leaveOf([leave(1, '2026-11-24', '2026-11-24', 'am')], dates, TEMPLATES).map((u) => u.shift)).toEqual(['AM', 'DAY']);
    expect(leaveOf([leave(1, '2026-11-25', '2026-11-25', 'pm')], dates, TEMPLATES).map((u) => u.shift)).toEqual(['PM', 'DAY', 'NOON']);
  });

  it('makes days before hiring and after leaving unavailable, and leaves out people not employed in the period', () => {
    const staff = buildScenario(
      inputs({
        staff: [
          person(1, { hireDate: '2026-11-27' }),
          person(2, { status: 'departed', leftOn: '2026-11-24' }),
          person(3, { status: 'departed', leftOn: '2026-11-20' }),
        ],
        cells: [1, 2, 3].map((staffId) => ({ staffId, postId: 11, level: 2 as const, certifiedOn: null, mentorId: null, targetDate: null, updatedAt: '' })),
      }),
    ).staff;
    expect(staff.map((s) => s.id)).toEqual(['1', '2']);
    expect(staff[0]!.unavailable!.map((u) => `${u.date} ${u.reason}`)).toEqual(['2026-11-23 未入职', '2026-11-24 未入职', '2026-11-25 未入职', '2026-11-26 未入职']);
    expect(staff[1]!.unavailable!.map((u) => u.date)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('keeps people off days they already work on another zone’s published roster', () => {
    const staff = buildScenario(inputs({ duties: [duty(1, '2026-11-24', 'AM', [2]), duty(2, '2026-11-25', 'AM', [1])] })).staff;
    expect(staff[0]!.unavailable).toEqual([{ date: '2026-11-24', reason: '已排入其他区域' }]);
    // A duty on a roster of the same zones is what this roster would replace.
    expect(staff[1]!.unavailable).toEqual([]);
  });

  it('counts the days worked in a row just before the period, and three months of duties for fairness', () => {
    const duties = [duty(1, '2026-11-22'), duty(1, '2026-11-21'), duty(1, '2026-11-19'), duty(2, '2026-11-20')];
    expect(daysWorkedBefore(duties, 1, '2026-11-23')).toBe(2);
    expect(daysWorkedBefore(duties, 2, '2026-11-23')).toBe(0);
    expect(historyStartOf('2026-11-23')).toBe('2026-08-23');
    expect(historyStartOf('2026-05-31')).toBe('2026-02-28');
    const calendar = new Map<string, CalendarDay>([['2026-10-01', { date: '2026-10-01', kind: 'statutory', holidayName: '国庆节' }]]);
    const history = historyByPerson({
      period: { from: '2026-11-23', days: 7, zoneIds: [1] },
      templates: [...TEMPLATES, template('EVE', 1050, 1200)],
      calendar,
      duties: [duty(1, '2026-10-01', 'DAY'), duty(1, '2026-11-21', 'AM'), duty(1, '2026-11-20', 'EVE'), duty(1, '2026-08-01', 'AM'), duty(1, '2026-11-23', 'AM')],
    });
    expect(history.get(1)).toEqual({ weekendShifts: 1, holidayShifts: 1, lateShifts: 1, hours: 9 + 3.5 + 2.5 });
  });

  it('gives a scenario the optimiser’s validation accepts', () => {
    const scenario = buildScenario(
      inputs({ leave: [leave(2, '2026-11-24', '2026-11-24', 'am')], demand: [{ postId: 11, date: '2026-11-23', slot: 20, required: 2 }] }),
    );
    const checked = validateScenario(JSON.parse(JSON.stringify(scenario)));
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('seats the selected zones’ windows with their staffing, A and B, and the shifts they open in', () => {
    const windows = buildScenario(inputs()).windows;
    expect(windows).toEqual([
      { id: '101', name: 'F01', post: '11', zone: '1', staffing: 'demand', shifts: ['AM', 'NOON', 'PM'], a: '1' },
      { id: '102', name: 'F02', post: '12', zone: '1', staffing: 'fixed', shifts: ['AM', 'NOON', 'PM'] },
    ]);
    // The lunch cover set to window 101 only: 102 opens in the morning and afternoon.
    const dispatcherSet = buildScenario(inputs({ templateWindows: new Map([[NOON.id, [101]]]) })).windows;
    expect(dispatcherSet?.map((window) => window.shifts)).toEqual([['AM', 'NOON', 'PM'], ['AM', 'PM']]);
  });

  it('opens a Saturday-service window on an ordinary Saturday when the hall opens on Saturdays', () => {
    const calendar = new Map<string, CalendarDay>([['2026-11-28', { date: '2026-11-28', kind: 'weekend', holidayName: null }]]);
    const saturday = { dayKind: 'saturday' as const, isOpen: true, opensAt: 540, closesAt: 720 };
    const scenario = buildScenario(inputs({
      calendar,
      openingHours: [saturday],
      windows: inputs().windows.map((window) => (window.id === 101 ? { ...window, saturdayService: true } : window)),
    }));
    expect(scenario.presence?.openRestDays).toEqual(['2026-11-28']);
    expect(scenario.windows?.[0]?.restDayShifts).toEqual(['AM']);
    expect(scenario.windows?.[1]?.restDayShifts).toBeUndefined();
    expect(buildScenario(inputs({ calendar })).presence?.openRestDays).toBeUndefined();
  });

  it('turns the presence rule on with the default day’s shifts, the calendar’s working days and the contracted posts', () => {
    const calendar = new Map<string, CalendarDay>([
      ['2026-11-26', { date: '2026-11-26', kind: 'statutory', holidayName: '某节' }],
      ['2026-11-28', { date: '2026-11-28', kind: 'makeup', holidayName: '某节' }],
    ]);
    const presence = buildScenario(inputs({ calendar, duty: { contractedPosts: { '1': 5 }, targetPercent: 97 } })).presence;
    expect(presence).toEqual({
      defaultShifts: ['AM', 'PM'],
      workingDays: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27', '2026-11-28'],
      contractedPosts: { '1': 5 },
      targetPercent: 97,
    });
  });

  it('gives a 综合计算工时 contract its cycle plan: the scheme on the person, the pay rules’ cycle on the presence rule', () => {
    const staff = [person(1), person(2, { contractType: 'comprehensive' })];
    const scenario = buildScenario(inputs({ staff, comprehensiveCycle: 'quarter' }));
    expect(scenario.staff.find((p) => p.id === '1')?.hoursScheme).toBeUndefined();
    expect(scenario.staff.find((p) => p.id === '2')?.hoursScheme).toBe('comprehensive');
    expect(scenario.presence?.comprehensiveCycle).toBe('quarter');
    expect(validateScenario(JSON.parse(JSON.stringify(scenario))).ok).toBe(true);
  });

  it('rosters only the selected zones’ own people, so a one-zone roster never decides another zone’s days', () => {
    const staff = buildScenario(inputs({ staff: [person(1), person(2), person(4, { homeZoneId: 2 })], cells: [...inputs().cells, { staffId: 4, postId: 11, level: 2, certifiedOn: null, mentorId: null, targetDate: null, updatedAt: '' }] })).staff;
    expect(staff.map((s) => s.id)).toEqual(['1', '2']);
  });
});

describe('the roster scenario of the demo centre', () => {
  it('covers a week of the tax zone with its staff, the forecast demand on weekdays only, and the calendar', async () => {
    await withTestBackend(async (backend) => {
      const zones = await backend.context.session.use((db) => db.all<{ id: number; code: string }>('SELECT id, code FROM zones'));
      const tax = zones.find((zone) => zone.code === 'TX')!.id;
      const scenario = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2026-11-23', days: 7, zoneIds: [tax] }, TEST_TODAY));
      expect(validateScenario(scenario).ok).toBe(true);
      expect(scenario.posts.filter((post) => scenario.windows?.some((window) => window.post === post.id)).map((post) => post.name)).toEqual(['税务收件', '税务初审', '税务出件']);
      expect(scenario.staff.length).toBeGreaterThanOrEqual(15);
      expect(scenario.staff.every((s) => Object.keys(s.skills).every((post) => scenario.posts.some((p) => p.id === post)))).toBe(true);
      const demandDates = new Set(scenario.demand.map((line) => line.date));
      expect([...demandDates].sort()).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
      expect(new Set(scenario.demand.map((line) => line.shift))).toEqual(new Set(['AM', 'NOON', 'PM']));
      expect(scenario.calendar!.map((entry) => entry.kind)).toEqual(['workday', 'workday', 'workday', 'workday', 'workday', 'restday', 'restday']);
    });
  });

  it('forecasts a December month without needing next year’s calendar, making the forecast up to six days earlier', async () => {
    expect(forecastDay('2026-11-22', '2026-11-29', 1)).toBe('2026-11-22');
    // Six whole weeks from tomorrow would end on 2027-01-03: end them on 12-31 instead.
    expect(forecastDay('2026-11-22', '2026-12-31', 6)).toBe('2026-11-19');
    await withTestBackend(async (backend) => {
      const scenario = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2026-12-01', days: 31, zoneIds: [1] }, TEST_TODAY));
      expect(scenario.demand.some((line) => line.date === '2026-12-31')).toBe(true);
    });
  });

  it('is refused for a year with no confirmed notice that the lunar table does not reach, saying what to do', async () => {
    await withTestBackend(async (backend) => {
      const error = await refused(backend, 'roster/exportScenario', { from: '2036-01-07', days: 7, zoneIds: [1] });
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('2036');
      expect(error.message).toContain('工作日历');
    });
  });

  it('on 2026-12-20 builds the turn of the year and January 2027 on the provisional year: 元旦 a holiday, nothing moved', async () => {
    await withBackendAt('2026-12-20T10:00:00', async (backend) => {
      const week = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2026-12-28', days: 7, zoneIds: [1] }, '2026-12-20'));
      expect(week.calendar!.map((entry) => entry.kind)).toEqual(['workday', 'workday', 'workday', 'workday', 'holiday', 'restday', 'restday']);
      expect(week.presence!.workingDays).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
      expect(week.demand.some((line) => line.date === '2026-12-31')).toBe(true);
      const january = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2027-01-01', days: 31, zoneIds: [1] }, '2026-12-20'));
      expect(january.presence!.workingDays).toHaveLength(20);
      expect(january.demand.some((line) => line.date === '2027-01-29')).toBe(true);
      const whatIf = await ask(backend, 'cost/whatIf', {});
      expect(whatIf).toMatchObject({ weeks: 4, to: '2027-01-17', provisionalYears: [2027] });
      expect(whatIf.zones.length).toBeGreaterThan(0);
      expect((await ask(backend, 'demand/forecast', { weeks: 4 })).provisionalYears).toEqual([2027]);
    });
  });

  it('gives women the afternoon of 3·8 2027 (a Monday) off in the scenario, so the presence rule asks only their morning', async () => {
    const days = new Map([['2027-03-08', { date: '2027-03-08', kind: 'workday' as const, holidayName: null }], ['2027-03-13', { date: '2027-03-13', kind: 'weekend' as const, holidayName: null }]]);
    const templates = [template('AM', 9 * 60, 12 * 60, true), template('NOON', 12 * 60, 13 * 60 + 30), template('PM', 13 * 60 + 30, 17 * 60, true)];
    const inputs = { calendar: days, templates };
    const woman = { gender: 'F' as const, idNumber: '110101198001010020' };
    expect(partialHolidayAbsences(woman, ['2027-03-08'], inputs)).toEqual([
      { date: '2027-03-08', shift: 'NOON', reason: '三八妇女节' },
      { date: '2027-03-08', shift: 'PM', reason: '三八妇女节' },
    ]);
    expect(partialHolidayAbsences({ ...woman, gender: 'M' }, ['2027-03-08'], inputs)).toEqual([]);
    // On a rest day: nothing, and no day in lieu.
    expect(partialHolidayAbsences(woman, ['2027-03-13'], { calendar: new Map([['2027-03-13', { date: '2027-03-13', kind: 'weekend', holidayName: null }]]), templates })).toEqual([]);
    await withBackendAt('2026-12-20T10:00:00', async (backend) => {
      const scenario = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2027-03-08', days: 7, zoneIds: [1] }, '2026-12-20'));
      const women = await backend.context.session.use((db) => db.all<{ id: number }>("SELECT id FROM staff WHERE gender = 'F'"));
      const womenIds = new Set(women.map((row) => String(row.id)));
      const rostered = scenario.staff.filter((person) => womenIds.has(person.id));
      expect(rostered.length).toBeGreaterThan(0);
      for (const person of rostered) expect(person.unavailable).toContainEqual({ date: '2027-03-08', shift: 'PM', reason: '三八妇女节' });
      for (const person of scenario.staff.filter((candidate) => !womenIds.has(candidate.id))) {
        expect((person.unavailable ?? []).some((entry) => entry.reason === '三八妇女节')).toBe(false);
      }
    });
  });

  it('exports as a JSON file named for its first day', async () => {
    await withTestBackend(async (backend) => {
      const file = await ask(backend, 'roster/exportScenario', { from: '2026-11-23', days: 7, zoneIds: [1] });
      expect(file.fileName).toBe('排班场景-2026-11-23.json');
      expect(file.mimeType).toBe('application/json');
      const scenario = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as unknown;
      expect(validateScenario(scenario).ok).toBe(true);
    });
  });

  it('refuses an unknown zone', async () => {
    await withTestBackend(async (backend) => {
      const error = await refused(backend, 'roster/exportScenario', { from: '2026-11-23', days: 7, zoneIds: [9999] });
      expect(error).toMatchObject({ code: 'not_found', fields: { zoneIds: 'invalid_value' } });
    });
  });
});
