import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import { readAllSheets, readPageSetup } from '../../../electron/backend/transfer/xlsx.ts';
import type { FilePayload } from '../../../electron/contract/model.ts';
import { insertDraftRoster, publishRoster, type RosterAssignmentRecord } from '../../../data/repositories/roster.ts';
import type { DemandLine, Scenario } from '../../../solver/roster/types.ts';
import { ask, openTestBackend, refused, withTestBackend } from '../../support/backend.ts';
import { draftStaff, validResidentId } from '../../support/people.ts';
import { withTempDir } from '../../support/temp.ts';

// ── fixtures ─────────────────────────────────────────────────────────────────────────────────

const PUNCH_HEADER = ['工号', '打卡时间', '设备'];
/** On time for the morning and the afternoon, out within the half hour that is not overtime. */
const NORMAL = ['08:25', '12:01', '13:25', '17:32'];

interface DayWork {
  date: string;
  shifts: string[];
  punches: string[];
}

const normal = (date: string): DayWork => ({ date, shifts: ['AM', 'PM'], punches: NORMAL });

async function importPunches(backend: Backend, employeeNo: string, days: readonly DayWork[]): Promise<void> {
  const rows = days.flatMap((day) => day.punches.map((time) => [employeeNo, `${day.date} ${time}:00`, '大厅1号机']));
  const text = [PUNCH_HEADER, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
  const result = await ask(backend, 'punches/apply', { fileName: 'punches.csv', base64: Buffer.from(text, 'utf8').toString('base64'), goodRowsOnly: false });
  expect(result.written).toBe(rows.length);
}

/**
 * Approves, as the dispatcher, every day's punch overtime of the person waiting in the month: only
 * approved overtime is paid (issue #17 item 2), and these tests' figures are worked on the punches.
 */
async function approvePunchOvertime(backend: Backend, staffId: number, year: number, month: number): Promise<number> {
  const waiting = (await ask(backend, 'overtime/month', { year, month })).rows.filter((row) => row.kind === 'punch' && row.staffId === staffId && row.pendingMinutes > 0);
  for (const row of waiting) await ask(backend, 'overtime/decidePunch', { staffId, date: row.date, minutes: row.pendingMinutes, decision: 'approved', note: '' });
  return waiting.length;
}

async function zoneIdOf(backend: Backend, code: string): Promise<number> {
  return (await backend.context.session.use((db) => db.get<{ id: number }>('SELECT id FROM zones WHERE code = ?', [code])))!.id;
}

async function postIdOf(backend: Backend, code: string): Promise<number> {
  return (await backend.context.session.use((db) => db.get<{ id: number }>('SELECT id FROM posts WHERE code = ?', [code])))!.id;
}

async function scenarioOf(backend: Backend, from: string, days: number, zoneIds: number[]): Promise<Scenario> {
  const file = await ask(backend, 'roster/exportScenario', { from, days, zoneIds });
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Scenario;
}

/** Stores and publishes a roster through the repositories, as a solve or an import would leave it. */
async function publish(backend: Backend, roster: { from: string; to: string; zoneIds: number[]; scenario: Scenario; assignments: RosterAssignmentRecord[] }): Promise<number> {
  return backend.context.session.use((db) =>
    db.transaction(async (tx) => {
      const id = await insertDraftRoster(tx, {
        from: roster.from, to: roster.to, zoneIds: roster.zoneIds, source: 'import', createdAt: '2026-09-01T02:00:00.000Z',
        stats: { engine: null, status: null, seconds: null, objective: null, bound: null, gap: null, unmet: 0, resilience: 0 },
        gaps: [], scenario: roster.scenario, assignments: roster.assignments,
      });
      await publishRoster(tx, id, '2026-09-01T03:00:00.000Z');
      return id;
    }),
  );
}

/** A person of our own in a zone, so the demo's punches never mix into their figures. */
async function createPerson(backend: Backend, employeeNo: string, serial: string, overrides: Parameters<typeof draftStaff>[0] = {}): Promise<number> {
  const staff = draftStaff({ employeeNo, name: `测试${serial}`, idNumber: validResidentId('1995-06-15', 'F', '330106', serial), hireDate: '2026-03-01', wageGrade: 2, ...overrides });
  return (await ask(backend, 'staff/create', { staff })).id;
}

/**
 * T0001 of the 公安司法 zone (wage grade 2, standard hours) on a roster published for the zone over
 * the ISO weeks of October 2026 (28 Sep – 1 Nov), with punches matching the duties. The calendar
 * (国办发明电〔2025〕7号): 1–3 Oct statutory, 4–7 Oct holiday rest, Saturday 10 Oct a make-up day.
 */
const OCTOBER: DayWork[] = [
  // Week 1: three September days, then the statutory 1 October on the full day (08:30–17:30).
  ...['2026-09-28', '2026-09-29', '2026-09-30'].map(normal),
  { date: '2026-10-01', shifts: ['DAY'], punches: ['08:25', '17:33'] },
  // Week 2: 5–7 holiday rest (no duty), Thursday and Friday, then the make-up Saturday 10.
  ...['2026-10-08', '2026-10-09', '2026-10-10'].map(normal),
  // Week 3: Wednesday 14 rostered off, Tuesday 13 out at 19:05, Saturday 17 worked.
  normal('2026-10-12'),
  { date: '2026-10-13', shifts: ['AM', 'PM'], punches: ['08:25', '12:01', '13:25', '19:05'] },
  ...['2026-10-15', '2026-10-16', '2026-10-17'].map(normal),
  // Week 4: every weekday, and the morning of Sunday 25.
  ...['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'].map(normal),
  { date: '2026-10-25', shifts: ['AM'], punches: ['08:25', '12:02'] },
  // Week 5: every weekday; Saturday 31 and Sunday 1 November off.
  ...['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30'].map(normal),
];

interface October {
  staffId: number;
  zoneId: number;
  postId: number;
}

async function setUpOctober(backend: Backend): Promise<October> {
  const zoneId = await zoneIdOf(backend, 'PJ');
  const postId = await postIdOf(backend, 'PJ-INTAKE');
  const staffId = await createPerson(backend, 'T0001', '12', { homeZoneId: zoneId });
  const scenario = await scenarioOf(backend, '2026-09-28', 35, [zoneId]);
  const assignments = OCTOBER.flatMap((day) => day.shifts.map((shiftCode) => ({ staffId, date: day.date, shiftCode, postId, learner: false })));
  await publish(backend, { from: '2026-09-28', to: '2026-11-01', zoneIds: [zoneId], scenario, assignments });
  await importPunches(backend, 'T0001', OCTOBER);
  // Tuesday 13's 90 minutes past the duty are the only punch overtime: the roster arranged the rest.
  expect(await approvePunchOvertime(backend, staffId, 2026, 10)).toBe(1);
  return { staffId, zoneId, postId };
}

async function withOctober(work: (backend: Backend, october: October) => Promise<void>): Promise<void> {
  await withTestBackend(async (backend) => work(backend, await setUpOctober(backend)));
}

/** A backend whose clock reads `at` (the demo is seeded for that day). */
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

/**
 * The 农林水务 zone's week from `monday`, its stored scenario given the demand we say: Monday
 * morning at the handout post asks for everyone qualified there, all but one of them on annual
 * leave (a gap, and why); Tuesday morning at the pre-review post one person alone on the duty (no
 * one to step in); Wednesday morning at intake two people for one (covered, with a backup).
 */
async function publishAfWeek(backend: Backend, monday: string) {
  const zoneId = await zoneIdOf(backend, 'AF');
  const [intake, review, handout] = [await postIdOf(backend, 'AF-INTAKE'), await postIdOf(backend, 'AF-REVIEW'), await postIdOf(backend, 'AF-HANDOUT')];
  const scenario = await scenarioOf(backend, monday, 7, [zoneId]);
  const qualified = (post: number) => scenario.staff.filter((person) => (person.skills[String(post)] ?? 0) >= 2).map((person) => person.id);
  const [tuesday, wednesday] = [1, 2].map((offset) => new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)) as [string, string];
  const [onDuty, ...away] = qualified(handout);
  const loner = qualified(review).find((id) => id !== onDuty)!;
  const pair = qualified(intake).filter((id) => id !== onDuty && id !== loner).slice(0, 2);
  expect(away.length).toBeGreaterThan(0);
  expect(pair).toHaveLength(2);
  const demand: DemandLine[] = [
    { date: monday, shift: 'AM', post: String(handout), required: away.length + 1 },
    { date: tuesday, shift: 'AM', post: String(review), required: 1 },
    { date: wednesday, shift: 'AM', post: String(intake), required: 1 },
  ];
  // A hand-made week judged on its demand lines alone: without the hall's seats and presence (a
  // generic scenario), so the three lines above are the whole requirement.
  const { windows: _windows, presence: _presence, ...generic } = scenario;
  const stored: Scenario = {
    ...generic,
    demand,
    staff: scenario.staff.map((person) => (away.includes(person.id) ? { ...person, unavailable: [...(person.unavailable ?? []), { date: monday, reason: '年假' }] } : person)),
  };
  const duty = (staff: string, date: string, postId: number): RosterAssignmentRecord => ({ staffId: Number(staff), date, shiftCode: 'AM', postId, learner: false });
  const to = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  const rosterId = await publish(backend, {
    from: monday, to, zoneIds: [zoneId], scenario: stored,
    assignments: [duty(onDuty!, monday, handout), duty(loner, tuesday, review), ...pair.map((id) => duty(id, wednesday, intake))],
  });
  const names = new Map(scenario.staff.map((person) => [person.id, person.name]));
  return { rosterId, zoneId, intake, review, handout, tuesday, wednesday, awayNames: away.map((id) => names.get(id)!) };
}

function decode(file: FilePayload): Buffer {
  return Buffer.from(file.base64, 'base64');
}

async function worksheet(file: FilePayload, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(decode(file) as unknown as ExcelJS.Buffer);
  return workbook.getWorksheet(name)!;
}

/** The worksheet row (1-based) whose first cell is `text`. */
function rowStarting(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  const line = sheet.getColumn(1).values.findIndex((value) => value === text);
  expect(line, `a row starting ${text}`).toBeGreaterThan(0);
  return sheet.getRow(line);
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

// ── hours ────────────────────────────────────────────────────────────────────────────────────

describe('reports/hours', () => {
  it('splits a hand-made October into regular, 150%, 200%, 300% and time off in lieu', async () => {
    await withOctober(async (backend, { staffId }) => {
      const report = await ask(backend, 'reports/hours', { year: 2026, month: 10 });
      expect(report).toMatchObject({ year: 2026, month: 10, comprehensiveCycle: 'month', pendingFrom: null });
      const row = report.rows.find((candidate) => candidate.staffId === staffId)!;
      // By hand, minute by minute (AM 210 + PM 240 = 450 a day, a standard day 480):
      // - 16 ordinary working days (8, 9, 12, 15, 16, 19–23, 26–30 and the make-up Saturday 10,
      //   which is a working day, not a rest day): 16 × 450 = 7,200 regular.
      // - Tuesday 13: out at 19:05, 95 min past 17:30 → 90 min in half-hour blocks; 450 + 90 = 540:
      //   480 regular, 60 at 150%.
      // - Saturday 17 (rest day): 450, covered by Wednesday 14, rostered off in the same week
      //   (480 of time off in lieu) → 450 lieu, counted regular.
      // - Sunday 25 (rest day): the morning, 210; that week every working day was worked → 200%.
      // - Thursday 1 (statutory): the full day 08:30–17:30, 540 → 300%.
      // worked 7,200 + 540 + 450 + 210 + 540 = 8,940; regular 7,200 + 480 + 450 = 8,130;
      // overtime 60 + 210 + 540 = 810 (13.5 h), under the 36 h cap.
      expect(row).toMatchObject({
        employeeNo: 'T0001',
        contract: 'standard',
        workedMinutes: 8940,
        regularMinutes: 8130,
        overtime150Minutes: 60,
        overtime200Minutes: 210,
        overtime300Minutes: 540,
        overtimeMinutes: 810,
        lieuMinutes: 450,
        plannedMinutes: 0,
        // The roster covers the person's zone on every day of October.
        rosteredDays: 31,
        breaches: [],
      });
      expect(row.regularMinutes + row.overtimeMinutes).toBe(row.workedMinutes);
    });
  });

  it('does not take a rostered day the person did not turn up for as time off in lieu of a rest day', async () => {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'PJ');
      const postId = await postIdOf(backend, 'PJ-INTAKE');
      const staffId = await createPerson(backend, 'T0001', '12', { homeZoneId: zoneId });
      // October as above, but Wednesday 14 is on the roster (AM and PM) and nobody punched: 旷工.
      const days = [...OCTOBER, { date: '2026-10-14', shifts: ['AM', 'PM'], punches: [] }];
      const assignments = days.flatMap((day) => day.shifts.map((shiftCode) => ({ staffId, date: day.date, shiftCode, postId, learner: false })));
      await publish(backend, { from: '2026-09-28', to: '2026-11-01', zoneIds: [zoneId], scenario: await scenarioOf(backend, '2026-09-28', 35, [zoneId]), assignments });
      await importPunches(backend, 'T0001', OCTOBER);
      await approvePunchOvertime(backend, staffId, 2026, 10);
      const row = (await ask(backend, 'reports/hours', { year: 2026, month: 10 })).rows.find((candidate) => candidate.staffId === staffId)!;
      // Saturday 17's 450 minutes have no day given off that week any more: 200%, with Sunday 25's 210.
      expect(row).toMatchObject({ workedMinutes: 8940, regularMinutes: 7680, overtime200Minutes: 660, lieuMinutes: 0 });
    });
  });

  it('lists the 36-hour monthly cap and the 3-hour daily cap when a month goes over them', async () => {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'PJ');
      const postId = await postIdOf(backend, 'PJ-INTAKE');
      const staffId = await createPerson(backend, 'T0002', '13', { homeZoneId: zoneId });
      // March 2026 has no holiday. 2–27 March: every weekday out at 19:35 (125 min → 120 in blocks),
      // Monday 2 out at 21:30 (240); every Saturday the full morning and afternoon.
      const weekdays: string[] = [];
      const saturdays: string[] = [];
      for (let day = 2; day <= 28; day += 1) {
        const date = `2026-03-${String(day).padStart(2, '0')}`;
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (weekday >= 1 && weekday <= 5) weekdays.push(date);
        if (weekday === 6) saturdays.push(date);
      }
      const work: DayWork[] = [
        ...weekdays.map((date) => ({ date, shifts: ['AM', 'PM'], punches: ['08:25', '12:01', '13:25', date === '2026-03-02' ? '21:30' : '19:35'] })),
        ...saturdays.map(normal),
      ];
      const scenario = await scenarioOf(backend, '2026-03-02', 28, [zoneId]);
      await publish(backend, {
        from: '2026-03-02', to: '2026-03-29', zoneIds: [zoneId], scenario,
        assignments: work.flatMap((day) => day.shifts.map((shiftCode) => ({ staffId, date: day.date, shiftCode, postId, learner: false }))),
      });
      await importPunches(backend, 'T0002', work);
      // Every weekday's time past 17:30 (the Saturdays are rostered, arranged by publishing).
      expect(await approvePunchOvertime(backend, staffId, 2026, 3)).toBe(20);
      const row = (await ask(backend, 'reports/hours', { year: 2026, month: 3 })).rows.find((candidate) => candidate.staffId === staffId)!;
      // 20 weekdays: 19 × (450 + 120) + (450 + 240) = 10,830 + 690 → regular 20 × 480 = 9,600,
      // 150%: 19 × 90 + 210 = 1,920. 4 Saturdays × 450 = 1,800 at 200% (no day off in their weeks).
      // 30–31 March are off the roster, not punched: absent, nothing worked.
      // Overtime 1,920 + 1,800 = 3,720 min (62 h) > 2,160 (36 h); Monday 2 has 210 min > 180 at 150%.
      expect(row).toMatchObject({ workedMinutes: 13_320, regularMinutes: 9600, overtime150Minutes: 1920, overtime200Minutes: 1800, overtime300Minutes: 0, overtimeMinutes: 3720 });
      expect(row.breaches).toEqual([
        { rule: 'daily_overtime_cap', date: '2026-03-02', minutes: 210, capMinutes: 180 },
        { rule: 'monthly_overtime_cap', minutes: 3720, capMinutes: 2160 },
      ]);
    });
  });

  it('counts the days not over yet as the roster plans them, the default day where no roster decides', async () => {
    await withOctober(async (backend, { staffId, zoneId, postId }) => {
      const scenario = await scenarioOf(backend, '2026-11-23', 7, [zoneId]);
      await publish(backend, {
        from: '2026-11-23', to: '2026-11-29', zoneIds: [zoneId], scenario,
        assignments: [
          { staffId, date: '2026-11-23', shiftCode: 'DAY', postId, learner: false },
          { staffId, date: '2026-11-24', shiftCode: 'AM', postId, learner: false },
        ],
      });
      const report = await ask(backend, 'reports/hours', { year: 2026, month: 11 });
      expect(report.pendingFrom).toBe('2026-11-22');
      const row = report.rows.find((candidate) => candidate.staffId === staffId)!;
      // 2–20 November: no punches, so nothing worked. From today (22nd) the plan: Monday 23 the full
      // day (540: 480 regular, 60 at 150%), Tuesday 24 the morning (210), 25–27 rostered off,
      // Monday 30 beyond the roster the default day (450). Planned 540 + 210 + 450 = 1,200.
      expect(row).toMatchObject({ plannedMinutes: 1200, workedMinutes: 1200, regularMinutes: 1140, overtime150Minutes: 60, overtimeMinutes: 60 });
      // Days the rosters decided: 1 November (October's roster) and 23–29 November.
      expect(row.rosteredDays).toBe(8);
    });
  });
});

// ── cost ─────────────────────────────────────────────────────────────────────────────────────

describe('cost/month', () => {
  it('prices one person’s month as worked out by hand, with the social-insurance base clamped to the city’s floor and cap', async () => {
    await withOctober(async (backend, { staffId }) => {
      const settings = await ask(backend, 'cost/settings', {});
      expect(settings.payGrades.find((line) => line.grade === 2)!.monthlyWage).toBe(3500);
      expect(settings.rules.find((rule) => rule.city === '示范市' && rule.year === 2026)).toMatchObject({ baseFloor: 4588, baseCap: 22941 });
      expect(settings.taxPercent).toBe(6.72);
      // Grade 12 above the cap: 25,000 a month for a person of our own in 商事登记 (no roster there).
      const { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle } = settings;
      await ask(backend, 'cost/settings', { set: { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades: [{ grade: 12, monthlyWage: 25_000 }] } });
      const rich = await createPerson(backend, 'T0003', '14', { homeZoneId: await zoneIdOf(backend, 'BR'), wageGrade: 12 });

      const cost = await ask(backend, 'cost/month', { year: 2026, month: 10 });
      expect(cost).toMatchObject({ city: '示范市', rule: { year: 2026 }, rates: { managementFeePercent: 5, taxPercent: 6.72 } });
      // T0001, grade 2, employed all month:
      //   wage 3,500; hourly 3,500 / 21.75 / 8 = 20.1149… → 20.11
      //   overtime 20.11 × (1.5 × 60 + 2 × 210 + 3 × 540) / 60 = 20.11 × 35.5 = 713.905 → 713.91
      //   SI base: 3,500 below the 2026 floor → 4,588; rates 16 + 8 + 0.5 + 0.4 + 0.8 + 5 = 30.7%
      //   SI 4,588 × 30.7% = 1,408.516 → 1,408.52
      //   subtotal 3,500 + 713.91 + 1,408.52 = 5,622.43; fee 5% = 281.1215 → 281.12
      //   tax (5,622.43 + 281.12) × 6.72% = 5,903.55 × 0.0672 = 396.71856 → 396.72
      //   total 5,622.43 + 281.12 + 396.72 = 6,300.27
      //   employee's share (withheld, not the client's): (8 + 2 + 0.5 + 5)% × 4,588 = 711.14
      //   minimum wage 2,300 (the demo's 2026 rule): 3,500 is above it, no shortfall
      expect(cost.people.find((row) => row.staffId === staffId)).toEqual({
        staffId, employeeNo: 'T0001', name: '测试12', zoneId: await zoneIdOf(backend, 'PJ'), category: 'window', grade: 2, monthlyWage: 3500, employedShare: 1,
        wage: 3500, overtimePay: 713.91, socialInsuranceBase: 4588, bases: { pension: 4588, medical: 4588, housingFund: 4588 }, socialInsurance: 1408.52,
        employeeShare: 711.14, minimumWageShortfall: 0, managementFee: 281.12, tax: 396.72, total: 6300.27,
      });
      // T0003, grade 12 at 25,000, nothing worked (no punches) but paid the month; no overtime:
      //   SI base capped at 22,941 → 22,941 × 30.7% = 7,042.887 → 7,042.89
      //   subtotal 32,042.89; fee 1,602.1445 → 1,602.14; tax 33,645.03 × 6.72% = 2,260.946… → 2,260.95
      //   total 32,042.89 + 1,602.14 + 2,260.95 = 35,905.98
      expect(cost.people.find((row) => row.staffId === rich)).toMatchObject({
        wage: 25_000, overtimePay: 0, socialInsuranceBase: 22_941, socialInsurance: 7042.89, managementFee: 1602.14, tax: 2260.95, total: 35_905.98,
      });
    });
  });

  it('adds the table’s 合计 row up from its categories, the year to date from the months, and sets the 2026 budget against it', async () => {
    await withTestBackend(async (backend) => {
      const cost = await ask(backend, 'cost/month', { year: 2026, month: 10 });
      const categories = cost.table.filter((row) => row.category !== 'total');
      const total = cost.table.find((row) => row.category === 'total')!;
      expect(categories.map((row) => row.category)).toEqual(['manager', 'window', 'desk']);
      expect(total.headcount).toBe(sum(categories.map((row) => row.headcount)));
      expect(total.monthlyTotal).toBeCloseTo(sum(categories.map((row) => row.monthlyTotal)), 2);
      expect(total.yearlyTotal).toBeCloseTo(sum(categories.map((row) => row.yearlyTotal)), 2);
      expect(total.monthlyTotal).toBeCloseTo(sum(cost.people.map((row) => row.total)), 2);

      expect(cost.months.map((line) => line.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(cost.months[9]!.totals.total).toBeCloseTo(total.monthlyTotal, 2);
      expect(total.yearlyTotal).toBeCloseTo(sum(cost.months.map((line) => line.totals.total)), 2);
      for (const row of categories) {
        expect(row.yearlyTotal).toBeCloseTo(sum(cost.months.map((line) => line.totals[row.category as 'manager' | 'window' | 'desk'])), 2);
      }

      // The demo's 2026 bid: 3 managers at 6,200, 98 window staff at 4,300, 16 at the desk at 4,100.
      // A window person: 4,300 + SI 4,588 × 30.7% = 1,408.52 → 5,708.52; fee 285.426 → 285.43;
      // tax 5,993.95 × 6.72% = 402.79344 → 402.79; 6,396.74 each, × 98 = 626,880.52 a month.
      const budget = cost.budget!;
      expect(budget.map((row) => row.category)).toEqual(['manager', 'window', 'desk', 'total']);
      expect(budget.map((row) => row.budgetHeadcount)).toEqual([3, 98, 16, 117]);
      expect(budget[1]!.budgetMonthly).toBe(626_880.52);
      for (const row of budget) {
        const actual = cost.table.find((line) => line.category === row.category)!;
        expect(row.actualMonthly).toBe(actual.monthlyTotal);
        expect(row.actualHeadcount).toBe(actual.headcount);
        expect(row.difference).toBeCloseTo(row.actualMonthly - row.budgetMonthly, 2);
        expect(row.budgetYearToDate).toBeCloseTo(row.budgetMonthly * 10, 2);
        expect(row.actualYearToDate).toBe(actual.yearlyTotal);
      }
    });
  });
});

describe('cost/month in a July city', () => {
  it('prices January with the rule of the July before and October with the year’s own, month by month through the year', async () => {
    await withTestBackend(async (backend) => {
      expect((await ask(backend, 'cost/settings', {})).socialInsuranceStartMonth).toBe(7);
      const january = await ask(backend, 'cost/month', { year: 2026, month: 1 });
      // The demo city's 2025 rule (floor 4,492) holds July 2025 – June 2026.
      expect(january).toMatchObject({ rule: { year: 2025, baseFloor: 4492 }, ruleFromMonth: 7 });
      const belowFloor = january.people.find((row) => row.monthlyWage < 4492 && row.employedShare === 1)!;
      expect(belowFloor.socialInsuranceBase).toBe(4492);
      // 4,492 × 30.7% = 1,379.044 → 1,379.04
      expect(belowFloor.socialInsurance).toBe(1379.04);
      const october = await ask(backend, 'cost/month', { year: 2026, month: 10 });
      expect(october.rule).toMatchObject({ year: 2026, baseFloor: 4588 });

      // Without the 2025 rule January is refused, saying which contribution year it falls in.
      await ask(backend, 'cost/deleteRule', { city: '示范市', year: 2025 });
      const error = await refused(backend, 'cost/month', { year: 2026, month: 1 });
      expect(error.message).toContain('示范市 2025 年');
      expect(error.message).toContain('2026 年 1 月按 2025 年 7 月起的社保年度计费');
    });
  });
});

describe('cost settings', () => {
  it('refuses to price a year without a social-insurance rule, naming the city and year, and the budget says why it has no table', async () => {
    await withTestBackend(async (backend) => {
      await ask(backend, 'cost/deleteRule', { city: '示范市', year: 2026 });
      const error = await refused(backend, 'cost/month', { year: 2026, month: 10 });
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain('示范市 2026');
      const budget = await ask(backend, 'cost/budget', { year: 2026 });
      expect(budget).toMatchObject({ year: 2026, table: null, rates: null });
      expect(budget.lines).toHaveLength(3);
      expect(budget.problem).toContain('示范市 2026');
      expect((await refused(backend, 'cost/deleteRule', { city: '示范市', year: 2026 })).code).toBe('not_found');

      // Another city has no rule for 2025 either.
      const settings = await ask(backend, 'cost/settings', {});
      await ask(backend, 'cost/settings', { set: { city: '新城市', managementFeePercent: 5, vatPercent: 6, surchargePercentOfVat: 12, comprehensiveCycle: settings.comprehensiveCycle, payGrades: [] } });
      expect((await ask(backend, 'cost/budget', { year: 2025 })).problem).toContain('新城市 2025');
    });
  });

  it('refuses a rule whose base cap is below its floor, naming the field, and takes a sound one', async () => {
    await withTestBackend(async (backend) => {
      const rule = { city: '示范市', year: 2027, baseFloor: 4700, baseCap: 4600, pension: 16, medical: 8, unemployment: 0.5, injury: 0.4, maternity: 0.8, housingFund: 5 };
      const error = await refused(backend, 'cost/putRule', { rule });
      expect(error).toMatchObject({ code: 'invalid_argument', fields: { 'rule.baseCap': 'out_of_range' } });
      expect((await refused(backend, 'cost/putRule', { rule: { ...rule, baseCap: 23_000, pension: 101 } })).fields).toEqual({ 'rule.pension': 'out_of_range' });
      const settings = await ask(backend, 'cost/putRule', { rule: { ...rule, baseCap: 23_500 } });
      expect(settings.rules.find((candidate) => candidate.year === 2027)).toMatchObject({ city: '示范市', baseFloor: 4700, baseCap: 23_500, updatedAt: '2026-11-22T10:00:00.000Z' });
    });
  });

  it('round-trips the settings, the tax being VAT plus its surcharges (6% + 12% of it = 6.72%), and audits the change', async () => {
    await withTestBackend(async (backend) => {
      const set = { city: '示范市', managementFeePercent: 4.5, vatPercent: 6, surchargePercentOfVat: 12, comprehensiveCycle: 'quarter' as const, payGrades: [{ grade: 2, monthlyWage: 3650 }] };
      const changed = await ask(backend, 'cost/settings', { set });
      expect(changed).toMatchObject({ city: '示范市', managementFeePercent: 4.5, vatPercent: 6, surchargePercentOfVat: 12, taxPercent: 6.72, comprehensiveCycle: 'quarter' });
      expect(changed.payGrades.find((line) => line.grade === 2)).toEqual({ grade: 2, monthlyWage: 3650 });
      expect(changed.payGrades).toHaveLength(12);
      expect(await ask(backend, 'cost/settings', {})).toEqual(changed);
      // 3% VAT (small-scale taxpayer) with the same surcharges: 3 × 1.12 = 3.36.
      expect((await ask(backend, 'cost/settings', { set: { ...set, vatPercent: 3 } })).taxPercent).toBe(3.36);

      const audit = await backend.context.session.use((db) => db.all<{ action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE entity = 'cost_settings' ORDER BY id"));
      expect(audit.map((row) => row.action)).toEqual(['update', 'update']);
      const first = JSON.parse(audit[0]!.detail) as { before: Record<string, unknown>; after: unknown };
      expect(first.after).toEqual(set);
      expect(first.before).toMatchObject({ managementFeePercent: 5, comprehensiveCycle: 'month' });
      expect(first.before.rules).toBeUndefined();
      expect((await refused(backend, 'cost/settings', { set: { ...set, payGrades: [{ grade: 2, monthlyWage: 1 }, { grade: 2, monthlyWage: 2 }] } })).fields).toEqual({ payGrades: 'invalid_value' });
    });
  });
});

// ── the client's monthly report ──────────────────────────────────────────────────────────────

describe('reports/client', () => {
  it('lists a short post-shift as a gap with its reason, a lone one as no backup, and the days no roster covered', async () => {
    await withTestBackend(async (backend) => {
      const week = await publishAfWeek(backend, '2026-11-02');
      const report = await ask(backend, 'reports/client', { year: 2026, month: 11 });
      expect(report.incidents.map((incident) => [incident.date, incident.shiftCode, incident.postId, incident.kind])).toEqual([
        ['2026-11-02', 'AM', week.handout, 'gap'],
        [week.tuesday, 'AM', week.review, 'no_backup'],
      ]);
      const [gap, lone] = report.incidents as [(typeof report.incidents)[number], (typeof report.incidents)[number]];
      expect(gap).toMatchObject({ zoneId: week.zoneId, required: week.awayNames.length + 1, assigned: 1 });
      expect(gap.windowCodes.length).toBeGreaterThan(0);
      // Why: the others qualified there are on annual leave, named.
      expect(gap.reasonZh).toContain(`缺 ${week.awayNames.length} 人`);
      expect(gap.reasonZh).toContain(`${week.awayNames[0]} 年假`);
      expect(gap.reasonEn).toContain(`short ${week.awayNames.length}`);
      expect(lone).toMatchObject({ zoneId: week.zoneId, required: 1, assigned: 1 });
      expect(lone.reasonZh).toContain('没有其他合格人员可以顶岗');

      // Working days over so far: 2–6, 9–13, 16–20 November. The roster covers 农林水务 in the first week only.
      const over = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((day) => `2026-11-${day}`);
      const zones = await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM zones ORDER BY sort_order'));
      expect(report.unrostered).toEqual(zones.map((zone) => ({ zoneId: zone.id, days: zone.id === week.zoneId ? over.slice(5) : over })));

      expect(report.duty).toEqual(await ask(backend, 'duty/month', { year: 2026, month: 11 }));
    });
  });

  it('sums the leave summary’s centre line from its zone lines', async () => {
    await withTestBackend(async (backend) => {
      const staffId = (await backend.context.session.use((db) => db.get<{ id: number }>("SELECT id FROM staff WHERE status <> 'departed' ORDER BY id LIMIT 1")))!.id;
      const request = await ask(backend, 'leave/request', { staffId, type: 'sick', from: '2026-10-13', to: '2026-10-14', part: 'full', reason: '发烧', acknowledgeConflicts: true });
      await ask(backend, 'leave/decide', { id: request.id, version: request.version, decision: 'approved', note: '', acknowledgeConflicts: true });
      const { leave } = await ask(backend, 'reports/client', { year: 2026, month: 10 });
      const centre = leave.find((line) => line.zoneId === null)!;
      const zones = leave.filter((line) => line.zoneId !== null);
      expect(leave[leave.length - 1]).toBe(centre);
      expect(centre.people).toBe(sum(zones.map((line) => line.people)));
      for (const key of ['absentDays', 'lateCount', 'earlyCount', 'missingCount'] as const) expect(centre[key]).toBeCloseTo(sum(zones.map((line) => line[key])), 2);
      for (const type of Object.keys(centre.leaveDays) as (keyof typeof centre.leaveDays)[]) {
        expect(centre.leaveDays[type]).toBeCloseTo(sum(zones.map((line) => line.leaveDays[type])), 2);
      }
      // The two sick days (Tuesday and Wednesday, both working days) are there.
      expect(centre.leaveDays.sick).toBeGreaterThanOrEqual(2);
      expect(centre.lateCount).toBeGreaterThan(0);
    });
  });
});

// ── workbooks ────────────────────────────────────────────────────────────────────────────────

describe('the reports as workbooks', () => {
  it('exports the client’s report with the on-duty rate, portrait A4, numbers as numbers', async () => {
    await withOctober(async (backend) => {
      const report = await ask(backend, 'reports/client', { year: 2026, month: 10 });
      const file = await ask(backend, 'reports/exportClient', { year: 2026, month: 10 });
      expect(file.fileName).toBe('月度报告-2026-10.xlsx');
      const sheets = await readAllSheets(decode(file));
      expect(sheets.map((sheet) => sheet.name)).toEqual(['在岗率', '缺口与单点风险', '请假与缺勤']);
      const duty = sheets[0]!.rows;
      expect(duty[0]![0]).toBe('示范市政务服务中心');
      expect(duty[1]!.join(' ')).toContain('2026年10月 窗口服务在岗率');
      expect(duty[2]).toEqual(['区域', '合同岗位数', '合同岗位·日', '实际在岗·日', '在岗率', '合同目标', '缺岗日', '是否达标']);
      const centre = duty.find((row) => row[0] === '全中心')!;
      expect(centre[4]).toBe(String(report.duty.centre.ratePercent));
      expect(centre[2]).toBe(String(report.duty.centre.contractedPostDays));
      expect(sheets[2]!.rows[2]!.slice(0, 3)).toEqual(['区域', '人数', '年假']);
      expect(await readPageSetup(decode(file), '在岗率')).toEqual({ paperSize: 9, orientation: 'portrait', printTitlesRow: '3:3' });
      expect((await readPageSetup(decode(file), '缺口与单点风险'))?.paperSize).toBe(9);

      const rate = rowStarting(await worksheet(file, '在岗率'), '全中心').getCell(5);
      expect(rate.value).toBe(report.duty.centre.ratePercent);
      expect(rate.numFmt).toBe('0.0"%"');
      // Lateness, early leaving and missed punches are counts: whole numbers, not money.
      const leaveCentre = rowStarting(await worksheet(file, '请假与缺勤'), '全中心');
      const centreLeave = report.leave.find((line) => line.zoneId === null)!;
      const late = leaveCentre.getCell(sheets[2]!.rows[2]!.indexOf('迟到（次）') + 1);
      expect(late.value).toBe(centreLeave.lateCount);
      expect(late.numFmt).toBe('0');
      expect(leaveCentre.getCell(sheets[2]!.rows[2]!.indexOf('缺卡（次）') + 1).numFmt).toBe('0');
    });
  });

  it('exports hours with the person’s overtime in hours, as numbers, landscape A4', async () => {
    await withOctober(async (backend) => {
      const file = await ask(backend, 'reports/exportHours', { year: 2026, month: 10 });
      expect(file.fileName).toBe('工时与加班-2026-10.xlsx');
      const [sheet] = await readAllSheets(decode(file));
      expect(sheet!.name).toBe('工时与加班');
      const header = sheet!.rows[2]!;
      expect(header).toEqual(['工号', '姓名', '区域', '工时制', '出勤工时', '标准工时内', '加班 150%', '加班 200%', '加班 300%', '加班合计', '调休抵扣', '调休存入', '到期支付', '调休余额', '计划工时', '违规']);
      const mine = sheet!.rows.find((row) => row[0] === 'T0001')!;
      // 8,940 min = 149 h worked; 810 min = 13.5 h overtime: 1, 3.5 and 9 h by tier; 7.5 h in lieu;
      // nothing banked, paid at expiry or carried (the default time account keeps nothing); 0 planned.
      expect(mine.slice(0, 4)).toEqual(['T0001', '测试12', '公安司法', '标准工时']);
      expect(mine.slice(4, 15)).toEqual(['149', '135.5', '1', '3.5', '9', '13.5', '7.5', '0', '0', '0', '0']);
      expect(await readPageSetup(decode(file), '工时与加班')).toEqual({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
      const overtime = rowStarting(await worksheet(file, '工时与加班'), 'T0001').getCell(header.indexOf('加班合计') + 1);
      expect(overtime.value).toBe(13.5);
      expect(overtime.numFmt).toBe('0.0');
    });
  });

  it('exports the cost table, the people and the budget, the 合计 monthly total a number', async () => {
    await withOctober(async (backend) => {
      const cost = await ask(backend, 'cost/month', { year: 2026, month: 10 });
      const file = await ask(backend, 'cost/export', { year: 2026, month: 10 });
      expect(file.fileName).toBe('费用测算-2026-10.xlsx');
      const sheets = await readAllSheets(decode(file));
      expect(sheets.map((sheet) => sheet.name)).toEqual(['费用测算表', '人员明细', '预算对比']);
      const table = sheets[0]!.rows;
      expect(table[1]!.join(' ')).toContain('示范市，社保基数 4588–22941 元，管理费 5%，税率 6.72%');
      expect(table[2]).toEqual(['人员', '工资标准', '加班费', '社保', '管理费 5%', '税费 6.72%', '每人每月费用', '岗位人数', '月度合计', '年度合计（本年累计）']);
      const total = cost.table.find((row) => row.category === 'total')!;
      expect(table.find((row) => row[0] === '合计')![8]).toBe(String(total.monthlyTotal));
      expect(sheets[1]!.rows.find((row) => row[0] === 'T0001')!.slice(-1)).toEqual(['6300.27']);
      expect(sheets[2]!.rows.find((row) => row[0] === '合计')![5]).toBe(String(cost.budget!.find((row) => row.category === 'total')!.difference));
      expect(await readPageSetup(decode(file), '费用测算表')).toEqual({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
      const monthly = rowStarting(await worksheet(file, '费用测算表'), '合计').getCell(9);
      expect(monthly.value).toBe(total.monthlyTotal);
      expect(monthly.numFmt).toBe('#,##0.00');
    });
  });
});

// ── what-if and dashboard ────────────────────────────────────────────────────────────────────

describe('cost/whatIf', () => {
  it('prices one person fewer or more per window zone at the zone’s cost per person, and more people never wait longer', async () => {
    await withTestBackend(async (backend) => {
      const whatIf = await ask(backend, 'cost/whatIf', { weeks: 4 });
      expect(whatIf).toMatchObject({ from: '2026-11-23', to: '2026-12-20', weeks: 4 });
      const windowZones = await backend.context.session.use((db) => db.all<{ id: number }>("SELECT id FROM zones WHERE kind = 'windows' ORDER BY sort_order"));
      expect(whatIf.zones.map((zone) => zone.zoneId)).toEqual(windowZones.map((zone) => zone.id));
      for (const zone of whatIf.zones) {
        expect(zone.costPerPersonMonthly).toBeGreaterThan(0);
        expect(zone.current.monthlyCostChange).toBe(0);
        expect(zone.fewer).toMatchObject({ delta: -1, monthlyCostChange: -zone.costPerPersonMonthly });
        expect(zone.more).toMatchObject({ delta: 1, monthlyCostChange: zone.costPerPersonMonthly });
        expect(zone.more.averageWaitSeconds).toBeLessThanOrEqual(zone.current.averageWaitSeconds);
        expect(zone.current.averageWaitSeconds <= zone.fewer.averageWaitSeconds || zone.fewer.unstableShare > 0).toBe(true);
        expect(zone.more.unstableShare).toBeLessThanOrEqual(zone.fewer.unstableShare);
      }
    });
  });
});

describe('dashboard/today', () => {
  it('shows today’s gap, this week’s lone duty, pending leave and the month’s on-duty rate to yesterday', async () => {
    await withBackendAt('2026-11-23T09:00:00', async (backend) => {
      const week = await publishAfWeek(backend, '2026-11-23');
      const someone = (await backend.context.session.use((db) => db.get<{ id: number; name: string }>("SELECT id, name FROM staff WHERE status <> 'departed' AND home_zone_id <> ? ORDER BY id LIMIT 1", [week.zoneId])))!;
      const request = await ask(backend, 'leave/request', { staffId: someone.id, type: 'annual', from: '2026-11-26', to: '2026-11-26', part: 'full', reason: '家中有事', acknowledgeConflicts: true });

      const board = await ask(backend, 'dashboard/today', {});
      expect(board).toMatchObject({ today: '2026-11-23', todayWorking: true, week: { from: '2026-11-23', to: '2026-11-29' } });
      expect(board.gapsToday).toHaveLength(1);
      expect(board.gapsToday[0]).toMatchObject({ date: '2026-11-23', shiftCode: 'AM', zoneId: week.zoneId, postId: week.handout, required: week.awayNames.length + 1, assigned: 1 });
      expect(board.gapsToday[0]!.reasonZh).toContain('年假');
      expect(board.noBackupThisWeek.map((slot) => [slot.date, slot.postId])).toEqual([[week.tuesday, week.review]]);
      const zones = await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM zones ORDER BY sort_order'));
      expect(board.unrosteredToday).toEqual(zones.map((zone) => zone.id).filter((id) => id !== week.zoneId));
      expect(board.weekCoverage[0]).toEqual({ date: '2026-11-23', required: week.awayNames.length + 1, assigned: 1, short: week.awayNames.length });
      expect(board.pendingLeave).toEqual({
        count: 1,
        oldest: [{ id: request.id, staffId: someone.id, name: someone.name, type: 'annual', from: '2026-11-26', to: '2026-11-26', requestedAt: request.requestedAt }],
      });

      const month = await ask(backend, 'duty/month', { year: 2026, month: 11 });
      // To yesterday: the 15 working days 2–20 November.
      expect(month.workingDays).toHaveLength(15);
      expect(board.dutyProblem).toBeNull();
      expect(board.duty).toEqual({
        year: 2026, month: 11, targetPercent: month.targetPercent,
        centre: month.centre,
        zones: month.zones.map(({ zoneId, contractedPostDays, staffedPostDays, ratePercent, met }) => ({ zoneId, contractedPostDays, staffedPostDays, ratePercent, met })),
      });
    });
  });

  it('says why there is no on-duty rate when today’s year has no confirmed calendar', async () => {
    await withBackendAt('2027-01-05T09:00:00', async (backend) => {
      const board = await ask(backend, 'dashboard/today', {});
      expect(board.duty).toBeNull();
      expect(board.dutyProblem).toContain('2027');
      expect(board.dutyProblem).toContain('工作日历');
      // Whether the hall opens is not known either: no zone is called unrostered on a guessed day.
      expect(board.todayWorking).toBeNull();
      expect(board.unrosteredToday).toEqual([]);
    });
  });
});

describe('the time account (调休余额)', () => {
  /**
   * T0002 of 公安司法 works the week of 26 October 2026 and Saturday 31 (08:30–12:00, 13:30–17:30:
   * 450 min, no day off that week or month); the vendor keeps banked hours three months.
   */
  async function withSaturdayBanked(work: (backend: Backend, staffId: number) => Promise<void>): Promise<void> {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'PJ');
      const postId = await postIdOf(backend, 'PJ-INTAKE');
      const staffId = await createPerson(backend, 'T0002', '13', { homeZoneId: zoneId });
      const days = ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31'].map(normal);
      const scenario = await scenarioOf(backend, '2026-10-26', 7, [zoneId]);
      const assignments = days.flatMap((day) => day.shifts.map((shiftCode) => ({ staffId, date: day.date, shiftCode, postId, learner: false })));
      await publish(backend, { from: '2026-10-26', to: '2026-11-01', zoneIds: [zoneId], scenario, assignments });
      await importPunches(backend, 'T0002', days);
      const { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades } = await ask(backend, 'cost/settings', {});
      const saved = await ask(backend, 'cost/settings', { set: { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades, timeAccount: { expiry: 'months', months: 3, onExpiry: 'payout' } } });
      expect(saved.timeAccount).toEqual({ expiry: 'months', months: 3, onExpiry: 'payout' });
      await work(backend, staffId);
    });
  }

  it('banks a Saturday not given back, unpaid until it is taken, and spends it on a 调休 of the next month', async () => {
    await withSaturdayBanked(async (backend, staffId) => {
      const october = async () => (await ask(backend, 'reports/hours', { year: 2026, month: 10 })).rows.find((row) => row.staffId === staffId)!;
      expect(await october()).toMatchObject({ overtime200Minutes: 0, bankedMinutes: 450, lieuMinutes: 0, balanceMinutes: 450 });
      const leave = await ask(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-23', to: '2026-11-23', part: 'am', reason: '调休', acknowledgeConflicts: true });
      await ask(backend, 'leave/decide', { id: leave.id, version: leave.version, decision: 'approved', note: '', acknowledgeConflicts: true });
      // The half day spends 240 of the Saturday's 450: those are paid at 100% in October, the rest stays banked.
      expect(await october()).toMatchObject({ overtime200Minutes: 0, bankedMinutes: 210, lieuMinutes: 240, balanceMinutes: 450 });
      const november = (await ask(backend, 'reports/hours', { year: 2026, month: 11 })).rows.find((row) => row.staffId === staffId)!;
      expect(november).toMatchObject({ balanceMinutes: 210, overtime200Minutes: 0, payoutMinutes: 0 });
    });
  });

  it('refuses a 调休 beyond the balance, saying the balance', async () => {
    await withSaturdayBanked(async (backend, staffId) => {
      await ask(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-23', to: '2026-11-23', part: 'am', reason: '调休', acknowledgeConflicts: true });
      // 450 earned, 240 already asked for: 3.5 h left, a full day is 8 h.
      const error = await refused(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-24', to: '2026-11-24', part: 'full', reason: '调休', acknowledgeConflicts: true });
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('调休余额为 3.5 小时，不足本次申请的 8 小时');
      expect((await ask(backend, 'leave/list', { staffId, from: '2026-11-01', to: '2026-11-30' })).filter((request) => request.type === 'compensatory')).toHaveLength(1);
    });
  });

  it('re-checks the balance when a 调休 is approved, and refuses with the balance as it is then', async () => {
    await withSaturdayBanked(async (backend, staffId) => {
      const leave = await ask(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-23', to: '2026-11-23', part: 'am', reason: '调休', acknowledgeConflicts: true });
      // Since it was filed the vendor stopped carrying hours into another month: the Saturday is gone.
      const { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades } = await ask(backend, 'cost/settings', {});
      await ask(backend, 'cost/settings', { set: { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades, timeAccount: { expiry: 'months', months: 1, onExpiry: 'payout' } } });
      const error = await refused(backend, 'leave/decide', { id: leave.id, version: leave.version, decision: 'approved', note: '', acknowledgeConflicts: true });
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('调休余额为 0 小时，不足本次申请的 4 小时');
      expect(error.message).toContain('time off in lieu');
      const [still] = (await ask(backend, 'leave/list', { staffId, from: '2026-11-01', to: '2026-11-30' })).filter((request) => request.id === leave.id);
      expect(still).toMatchObject({ status: 'pending', version: leave.version });
      // Rejecting needs no balance.
      await ask(backend, 'leave/decide', { id: leave.id, version: leave.version, decision: 'rejected', note: '余额不足', acknowledgeConflicts: false });
    });
  });

  it('lists one person\'s account entry by entry: earned, spent, the lot\'s dates and the balance after each', async () => {
    await withSaturdayBanked(async (backend, staffId) => {
      const leave = await ask(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-23', to: '2026-11-23', part: 'am', reason: '调休', acknowledgeConflicts: true });
      await ask(backend, 'leave/decide', { id: leave.id, version: leave.version, decision: 'approved', note: '', acknowledgeConflicts: true });
      const view = await ask(backend, 'leave/timeAccount', { staffId, year: 2026, month: 11 });
      // Three months from October: the last day to take it is 31 December.
      expect(view.entries).toEqual([
        { date: '2026-10-31', source: 'rest_day_work', minutes: 450, earnedOn: '2026-10-31', expiresOn: '2026-12-31', balanceMinutes: 450 },
        { date: '2026-11-23', source: 'compensatory_leave', minutes: -240, earnedOn: '2026-10-31', expiresOn: '2026-12-31', balanceMinutes: 210 },
      ]);
      expect(view).toMatchObject({ contract: 'standard', balanceMinutes: 210, policy: { expiry: 'months', months: 3, onExpiry: 'payout' } });
    });
  });

  it('keeps the setting as it was when a change leaves it out, and refuses a year of more than twelve months', async () => {
    await withTestBackend(async (backend) => {
      const { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades, timeAccount } = await ask(backend, 'cost/settings', {});
      expect(timeAccount).toEqual({ expiry: 'months', months: 1, onExpiry: 'payout' });
      const base = { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades };
      await ask(backend, 'cost/settings', { set: { ...base, timeAccount: { expiry: 'quarter', months: 1, onExpiry: 'forfeit' } } });
      expect((await ask(backend, 'cost/settings', { set: base })).timeAccount).toEqual({ expiry: 'quarter', months: 1, onExpiry: 'forfeit' });
      const error = await refused(backend, 'cost/settings', { set: { ...base, timeAccount: { expiry: 'months', months: 13, onExpiry: 'payout' } } });
      expect(error.code).toBe('invalid_argument');
    });
  });

  it('refuses a 调休 with nothing earned under the default, which carries nothing into another month', async () => {
    await withTestBackend(async (backend) => {
      const staffId = await createPerson(backend, 'T0003', '14');
      const error = await refused(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-24', to: '2026-11-24', part: 'full', reason: '调休', acknowledgeConflicts: true });
      expect(error.message).toContain('调休余额为 0 小时');
    });
  });
});

describe('the roster\'s planned time off in lieu in the time account (rule 14)', () => {
  /**
   * T0004 of 公安司法 on a two-week roster from 26 October 2026: every default shift of the working
   * days, Saturday 31 October all day (08:30–12:00, 13:30–17:30: 450 min), and not the morning of
   * Monday 2 November (210 min), which the roster gives back for the Saturday. Punches match.
   */
  async function withRosterLieu(work: (backend: Backend, staffId: number, republish: () => Promise<number>) => Promise<void>): Promise<void> {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'PJ');
      const postId = await postIdOf(backend, 'PJ-INTAKE');
      const staffId = await createPerson(backend, 'T0004', '15', { homeZoneId: zoneId });
      // Qualified at the post, so the zone's scenario holds the person and rule 14 reads their week.
      await ask(backend, 'skills/setLevel', { staffId, postId, level: 2, certifiedOn: '2026-10-01' });
      const days: DayWork[] = [
        ...['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31'].map(normal),
        { date: '2026-11-02', shifts: ['PM'], punches: ['13:25', '17:32'] },
        ...['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map(normal),
      ];
      const scenario = await scenarioOf(backend, '2026-10-26', 14, [zoneId]);
      expect(scenario.presence?.defaultShifts).toEqual(['AM', 'PM']);
      const assignments = days.flatMap((day) => day.shifts.map((shiftCode) => ({ staffId, date: day.date, shiftCode, postId, learner: false })));
      const roster = { from: '2026-10-26', to: '2026-11-08', zoneIds: [zoneId], scenario, assignments };
      await publish(backend, roster);
      await importPunches(backend, 'T0004', days);
      await work(backend, staffId, () => publish(backend, roster));
    });
  }

  const rowOf = async (backend: Backend, staffId: number, month: number) => (await ask(backend, 'reports/hours', { year: 2026, month })).rows.find((row) => row.staffId === staffId)!;

  it('pays the Saturday minutes the roster gave back at 100%, the rest at 200% under the default, and lists the pair', async () => {
    await withRosterLieu(async (backend, staffId, republish) => {
      // 210 of the 450 given back on 2 November: lieu, as the roster priced them; 240 were not.
      expect(await rowOf(backend, staffId, 10)).toMatchObject({ workedMinutes: 5 * 450 + 450, lieuMinutes: 210, overtime200Minutes: 240, bankedMinutes: 0, balanceMinutes: 210 });
      // The morning off is the roster's give-back, not a further day off for another rest day.
      expect(await rowOf(backend, staffId, 11)).toMatchObject({ lieuMinutes: 0, overtime200Minutes: 0, balanceMinutes: 0 });
      // Nothing carried into November: the 240 not given back are paid out at 200% on the month's last day.
      const expected = [
        { date: '2026-10-31', source: 'rest_day_work', minutes: 240, earnedOn: '2026-10-31', expiresOn: '2026-10-31', balanceMinutes: 240 },
        { date: '2026-10-31', source: 'roster_duty', minutes: 210, earnedOn: '2026-10-31', expiresOn: '2026-11-02', balanceMinutes: 450 },
        { date: '2026-10-31', source: 'payout', minutes: -240, earnedOn: '2026-10-31', expiresOn: '2026-10-31', balanceMinutes: 210 },
        { date: '2026-11-02', source: 'roster_lieu', minutes: -210, earnedOn: '2026-10-31', expiresOn: '2026-11-02', balanceMinutes: 0 },
      ];
      const october = await ask(backend, 'leave/timeAccount', { staffId, year: 2026, month: 10 });
      expect(october.entries).toEqual(expected);
      expect(october.balanceMinutes).toBe(210);
      // Published again over the same weeks: the new roster supersedes the old, nothing is counted twice.
      await republish();
      expect((await ask(backend, 'leave/timeAccount', { staffId, year: 2026, month: 10 })).entries).toEqual(expected);
      expect(await rowOf(backend, staffId, 10)).toMatchObject({ lieuMinutes: 210, overtime200Minutes: 240 });
    });
  });

  it('shows the balance held over the month\'s end on the attendance sheet and in both workbooks', async () => {
    await withRosterLieu(async (backend, staffId) => {
      // Earned on Saturday 31 October, given back on Monday 2 November: 3.5 h held at the end of October.
      const sheet = await ask(backend, 'attendance/month', { year: 2026, month: 10 });
      expect(sheet.rows.find((row) => row.staffId === staffId)!.lieuBalanceMinutes).toBe(210);
      expect((await ask(backend, 'attendance/month', { year: 2026, month: 11 })).rows.find((row) => row.staffId === staffId)!.lieuBalanceMinutes).toBe(0);
      const [attendance] = await readAllSheets(decode(await ask(backend, 'attendance/export', { year: 2026, month: 10 })));
      const attendanceHeader = attendance!.rows[2]!;
      expect(attendanceHeader.at(-1)).toBe('调休余额(小时)');
      expect(attendance!.rows.find((row) => row[0] === 'T0004')!.at(-1)).toBe('3.5');
      const [hours] = await readAllSheets(decode(await ask(backend, 'reports/exportHours', { year: 2026, month: 10 })));
      const header = hours!.rows[2]!;
      const mine = hours!.rows.find((row) => row[0] === 'T0004')!;
      expect([mine[header.indexOf('调休抵扣')], mine[header.indexOf('加班 200%')], mine[header.indexOf('调休余额')]]).toEqual(['3.5', '4', '3.5']);
    });
  });

  it('banks only what the roster did not give back when hours are carried over, and never lets a 调休 spend the roster\'s part', async () => {
    await withRosterLieu(async (backend, staffId) => {
      const { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades } = await ask(backend, 'cost/settings', {});
      await ask(backend, 'cost/settings', { set: { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades, timeAccount: { expiry: 'months', months: 3, onExpiry: 'payout' } } });
      expect(await rowOf(backend, staffId, 10)).toMatchObject({ lieuMinutes: 210, overtime200Minutes: 0, bankedMinutes: 240, balanceMinutes: 450 });
      expect((await ask(backend, 'leave/timeAccount', { staffId, year: 2026, month: 11 })).entries.map(({ source, minutes, balanceMinutes }) => [source, minutes, balanceMinutes])).toEqual([
        ['rest_day_work', 240, 240], ['roster_duty', 210, 450], ['roster_lieu', -210, 240],
      ]);
      // 240 left to take: a half day (240) is let through, a second one finds nothing.
      await ask(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-23', to: '2026-11-23', part: 'pm', reason: '调休', acknowledgeConflicts: true });
      const error = await refused(backend, 'leave/request', { staffId, type: 'compensatory', from: '2026-11-24', to: '2026-11-24', part: 'pm', reason: '调休', acknowledgeConflicts: true });
      expect(error.message).toContain('调休余额为 0 小时');
    });
  });
});

describe('the lunch break taken out of a rest day’s punch span (issue 17 item 2)', () => {
  it('counts an unrostered Saturday 08:00–17:00 as 450 minutes under the default 12:00–13:30, 540 with no break set, and keeps the break a change leaves out', async () => {
    await withTestBackend(async (backend) => {
      const staffId = await createPerson(backend, 'T0005', '16');
      await importPunches(backend, 'T0005', [{ date: '2026-10-31', shifts: [], punches: ['08:00', '17:00'] }]);
      // Unrostered, so only approved work counts: a plan for 08:00–17:00 (540 min) covers every break below.
      const plan = await ask(backend, 'overtime/request', { staffId, date: '2026-10-31', startsAt: 480, endsAt: 1020, reason: '周六加班' });
      await ask(backend, 'overtime/decide', { requestId: plan.requestId!, decision: 'approved', note: '' });
      const worked = async () => (await ask(backend, 'reports/hours', { year: 2026, month: 10 })).rows.find((row) => row.staffId === staffId)!.workedMinutes;
      const { lunchBreak, city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades } = await ask(backend, 'cost/settings', {});
      expect(lunchBreak).toEqual({ startsAt: 720, endsAt: 810 });
      expect(await worked()).toBe(450);

      const base = { city, managementFeePercent, vatPercent, surchargePercentOfVat, comprehensiveCycle, payGrades };
      expect((await ask(backend, 'cost/settings', { set: { ...base, lunchBreak: { startsAt: 720, endsAt: 720 } } })).lunchBreak).toEqual({ startsAt: 720, endsAt: 720 });
      expect(await worked()).toBe(540);
      // 12:30–13:00 is half an hour inside the span; a change without the break keeps it.
      await ask(backend, 'cost/settings', { set: { ...base, lunchBreak: { startsAt: 750, endsAt: 780 } } });
      expect((await ask(backend, 'cost/settings', { set: base })).lunchBreak).toEqual({ startsAt: 750, endsAt: 780 });
      expect(await worked()).toBe(510);

      const error = await refused(backend, 'cost/settings', { set: { ...base, lunchBreak: { startsAt: 810, endsAt: 720 } } });
      expect(error).toMatchObject({ code: 'invalid_argument', fields: { 'set.lunchBreak.endsAt': 'out_of_range' } });
      expect((await ask(backend, 'cost/settings', {})).lunchBreak).toEqual({ startsAt: 750, endsAt: 780 });
    });
  });
});
