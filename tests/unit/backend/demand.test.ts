import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { ImportRowError } from '../../../electron/contract/model.ts';
import { DEMO_BUSINESS_TYPES, DEMO_DESK_FIXED_POSTS, DEMO_TICKETS_PER_WINDOW } from '../../../electron/backend/demand/demo.ts';
import { ask, refused, TEST_TODAY, withTestBackend } from '../../support/backend.ts';

const TICKET_HEADER = ['业务类型', '取号时间', '叫号时间', '完成时间', '窗口'];
const DAILY_HEADER = ['日期', '业务类型', '数量'];

function csvUpload(rows: string[][], fileName = 'tickets.csv') {
  const text = rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
  return { fileName, base64: Buffer.from(text, 'utf8').toString('base64') };
}

function expectError(errors: ImportRowError[], line: number, column: string | null, problem: string, detail?: string) {
  const match = errors.find((error) => error.line === line && error.column === column && error.problem === problem);
  expect(match, `${problem} at line ${line}, ${column} in ${JSON.stringify(errors)}`).toBeDefined();
  if (detail) expect(match!.detail).toContain(detail);
}

async function zoneIdOf(backend: Backend, code: string): Promise<number> {
  const zone = await backend.context.session.use((db) => db.get<{ id: number }>('SELECT id FROM zones WHERE code = ?', [code]));
  return zone!.id;
}

async function ticketTotals(backend: Backend) {
  return backend.context.session.use((db) => db.get<{ rows: number; arrivals: number }>('SELECT count(*) AS rows, sum(arrivals) AS arrivals FROM ticket_counts'));
}

async function countsOf(backend: Backend, code: string, date: string) {
  return backend.context.session.use((db) =>
    db.all<{ slot: number; arrivals: number; served: number; handleSeconds: number; waitSeconds: number }>(
      `SELECT slot, arrivals, served, handle_seconds AS handleSeconds, wait_seconds AS waitSeconds FROM ticket_counts t
       JOIN business_types b ON b.id = t.business_type_id WHERE b.code = ? AND t.date = ? ORDER BY slot`,
      [code, date],
    ),
  );
}

async function auditRows(backend: Backend, entity: string) {
  return backend.context.session.use((db) => db.all<{ action: string; detail: string }>('SELECT action, detail FROM audit_log WHERE entity = ? ORDER BY id', [entity]));
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe('the demo centre’s demand', () => {
  it('has about 15 months of history for every window zone, ending yesterday, with a Monday peak', async () => {
    await withTestBackend(async (backend) => {
      const history = await ask(backend, 'demand/history', { from: '2025-08-01', to: '2026-11-21' });
      const zones = await backend.context.session.use((db) => db.all<{ id: number; kind: string }>('SELECT id, kind FROM zones'));
      for (const zone of zones.filter((z) => z.kind === 'windows')) {
        const days = history.find((h) => h.zoneId === zone.id)!.days.filter((d) => d.arrivals > 0);
        expect(days[0]!.date <= '2025-08-25').toBe(true);
        expect(days[days.length - 1]!.date).toBe('2026-11-20'); // yesterday is a Saturday
        expect(days.length).toBeGreaterThan(300);
        const mean = (weekday: number) => {
          const on = days.filter((d) => weekdayOf(d.date) === weekday);
          return on.reduce((s, d) => s + d.arrivals, 0) / on.length;
        };
        expect(mean(1)).toBeGreaterThan(mean(3) * 1.1);
        expect(mean(1)).toBeGreaterThan(mean(5));
      }
      const desk = zones.find((z) => z.kind === 'desk')!;
      expect(history.find((h) => h.zoneId === desk.id)!.days.every((d) => d.arrivals === 0)).toBe(true);
      // A holiday of the confirmed 2026 calendar has no tickets: 国庆 10/1–10/7.
      const all = history.flatMap((h) => h.days).filter((d) => d.date >= '2026-10-01' && d.date <= '2026-10-07');
      expect(all.every((d) => d.arrivals === 0)).toBe(true);
    });
  });

  it('measures each business type’s handling time near the mean it was generated with', async () => {
    await withTestBackend(async (backend) => {
      const types = await ask(backend, 'demand/businessTypes', {});
      expect(types).toHaveLength(DEMO_BUSINESS_TYPES.length);
      for (const demo of DEMO_BUSINESS_TYPES) {
        const type = types.find((t) => t.code === demo.code)!;
        expect(type.nameZh).toBe(demo.nameZh);
        expect(Math.abs(type.meanHandleSeconds! - demo.meanHandleSeconds) / demo.meanHandleSeconds).toBeLessThan(0.05);
      }
    });
  });

  it('lists a target for every zone: 10 minutes’ average wait, the desk with its fixed posts', async () => {
    await withTestBackend(async (backend) => {
      const targets = await ask(backend, 'demand/targets', {});
      expect(targets).toHaveLength(7);
      const desk = await zoneIdOf(backend, 'CG');
      expect(targets.find((t) => t.zoneId === desk)).toMatchObject({ fixedPosts: DEMO_DESK_FIXED_POSTS });
      expect(targets.filter((t) => t.zoneId !== desk).every((t) => t.kind === 'avg_wait' && t.maxWaitMinutes === 10 && t.fixedPosts === 0)).toBe(true);
    });
  });
});

describe('the forecast', () => {
  it('forecasts two weeks from tomorrow: nothing on weekends, accuracy beating the naive baseline', async () => {
    await withTestBackend(async (backend) => {
      const forecast = await ask(backend, 'demand/forecast', { weeks: 2 });
      expect(forecast).toMatchObject({ from: '2026-11-23', to: '2026-12-06' });
      expect(forecast.openSlots).toEqual(Array.from({ length: 18 }, (_, i) => 17 + i));
      const tx = await zoneIdOf(backend, 'TX');
      const desk = await zoneIdOf(backend, 'CG');
      for (const zone of forecast.zones) {
        expect(zone.days).toHaveLength(14);
        for (const day of zone.days.filter((d) => d.kind === 'weekend')) expect(day).toMatchObject({ arrivals: 0, slots: [] });
      }
      const taxZone = forecast.zones.find((z) => z.zoneId === tx)!;
      const monday = taxZone.days.find((d) => d.date === '2026-11-23')!;
      expect(monday.arrivals).toBeGreaterThan(8 * DEMO_TICKETS_PER_WINDOW); // a Monday: above an ordinary Wednesday
      expect(monday.slots.reduce((s, x) => s + x.arrivals, 0)).toBeCloseTo(monday.arrivals, 6);
      for (const zone of forecast.zones.filter((z) => z.zoneId !== desk)) {
        expect(zone.accuracy).not.toBeNull();
        expect(zone.accuracy!.holdoutDays).toBeGreaterThan(0);
        expect(zone.accuracy!.wape).toBeLessThan(zone.accuracy!.naiveWape);
      }
      expect(forecast.zones.find((z) => z.zoneId === desk)!.accuracy).toBeNull();
    });
  });

  it('keeps and marks a day override and a slot override, and removing them restores the forecast', async () => {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'SA');
      const dayOf = async () => (await ask(backend, 'demand/forecast', { weeks: 1 })).zones.find((z) => z.zoneId === zoneId)!.days.find((d) => d.date === '2026-11-25')!;
      const before = await dayOf();
      expect(before.overridden).toBe(false);

      await ask(backend, 'demand/override', { zoneId, date: '2026-11-25', slot: -1, arrivals: before.arrivals * 2, reason: '社保年度缴费截止' });
      const doubled = await dayOf();
      expect(doubled.overridden).toBe(true);
      expect(doubled.arrivals).toBeCloseTo(before.arrivals * 2, 6);
      expect(doubled.slots[3]!.arrivals).toBeCloseTo(before.slots[3]!.arrivals * 2, 6);

      await ask(backend, 'demand/override', { zoneId, date: '2026-11-25', slot: 20, arrivals: 100, reason: '团体办理' });
      const both = await dayOf();
      const slot20 = both.slots.find((s) => s.slot === 20)!;
      expect(slot20).toMatchObject({ arrivals: 100, overridden: true });
      expect(both.arrivals).toBeCloseTo(both.slots.reduce((s, x) => s + x.arrivals, 0), 6);

      await ask(backend, 'demand/override', { zoneId, date: '2026-11-25', slot: -1, arrivals: null, reason: '取消' });
      await ask(backend, 'demand/override', { zoneId, date: '2026-11-25', slot: 20, arrivals: null, reason: '取消' });
      expect(await dayOf()).toEqual(before);
      expect((await auditRows(backend, 'demand_override')).map((row) => row.action)).toEqual(['create', 'create', 'delete', 'delete']);
    });
  });

  it('refuses an override of a past day or a closed half-hour', async () => {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'SA');
      expect((await refused(backend, 'demand/override', { zoneId, date: TEST_TODAY, slot: -1, arrivals: 5, reason: 'x' })).fields).toEqual({ date: 'out_of_range' });
      expect((await refused(backend, 'demand/override', { zoneId, date: '2026-11-25', slot: 40, arrivals: 5, reason: 'x' })).fields).toEqual({ slot: 'out_of_range' });
    });
  });

  it('forecasts into 2027 before its notice on the provisional year, saying so: 元旦 closed, no 调休 guessed', async () => {
    await withTestBackend(async (backend) => {
      const forecast = await ask(backend, 'demand/forecast', { weeks: 8 });
      expect(forecast.provisionalYears).toEqual([2027]);
      const newYear = forecast.zones[0]!.days.find((day) => day.date === '2027-01-01')!;
      expect(newYear).toMatchObject({ kind: 'statutory', arrivals: 0, slots: [] });
      expect(forecast.zones[0]!.days.find((day) => day.date === '2027-01-04')).toMatchObject({ kind: 'workday' });
      expect((await ask(backend, 'demand/staffing', { weeks: 8 })).provisionalYears).toEqual([2027]);
      expect((await ask(backend, 'demand/forecast', { weeks: 1 })).provisionalYears).toEqual([]);
    });
  });
});

describe('staffing', () => {
  it('needs windows within each zone’s windows, with a longer wait at one fewer', async () => {
    await withTestBackend(async (backend) => {
      const plan = await ask(backend, 'demand/staffing', { weeks: 1 });
      const desk = await zoneIdOf(backend, 'CG');
      let compared = 0;
      for (const zone of plan.zones.filter((z) => z.zoneId !== desk)) {
        expect(zone.meanHandleSeconds).toBeGreaterThan(240);
        const monday = zone.days.find((d) => d.date === '2026-11-23')!;
        expect(monday.slots).toHaveLength(18);
        for (const slot of monday.slots) {
          expect(slot.required).toBeGreaterThan(0);
          expect(slot.required).toBeLessThanOrEqual(zone.windows);
          expect(slot.arrivalsPerHour).toBeGreaterThan(0);
          if (!slot.capped && slot.oneFewer) {
            expect(slot.atRequired!.averageWaitSeconds).toBeLessThanOrEqual(600);
            expect(slot.oneFewer.averageWaitSeconds).toBeGreaterThan(slot.atRequired!.averageWaitSeconds);
            expect(slot.oneFewer.serviceLevel).toBeLessThan(slot.atRequired!.serviceLevel);
            compared += 1;
          }
        }
        expect(monday.shifts.find((s) => s.code === 'DAY')!.required).toBe(Math.max(...monday.slots.map((s) => s.required)));
        expect(zone.days.find((d) => d.kind === 'weekend')!.slots).toEqual([]);
      }
      expect(compared).toBeGreaterThan(20);
    });
  });

  it('flags the cap when a target needs more windows than the zone has', async () => {
    await withTestBackend(async (backend) => {
      const zoneId = await zoneIdOf(backend, 'AF');
      await ask(backend, 'demand/setTarget', { zoneId, kind: 'service_level', maxWaitMinutes: 10, serviceLevelPercent: 99.9, withinSeconds: 1, fixedPosts: 0 });
      const plan = await ask(backend, 'demand/staffing', { weeks: 1 });
      const zone = plan.zones.find((z) => z.zoneId === zoneId)!;
      expect(zone.target).toMatchObject({ kind: 'service_level', serviceLevelPercent: 99.9 });
      const slots = zone.days.find((d) => d.date === '2026-11-23')!.slots;
      expect(slots.every((s) => s.capped && s.required === zone.windows && s.uncapped > zone.windows)).toBe(true);
      expect(await auditRows(backend, 'service_target')).toHaveLength(1);
    });
  });

  it('gives the desk zone its fixed posts and no queue', async () => {
    await withTestBackend(async (backend) => {
      const plan = await ask(backend, 'demand/staffing', { weeks: 1 });
      const desk = plan.zones.find((z) => z.fixedPosts === DEMO_DESK_FIXED_POSTS)!;
      expect(desk.zoneId).toBe(await zoneIdOf(backend, 'CG'));
      expect(desk.windows).toBe(0);
      const monday = desk.days.find((d) => d.date === '2026-11-23')!;
      expect(monday.slots.every((s) => s.required === 0 && !s.capped)).toBe(true);
      expect(monday.shifts.find((s) => s.code === 'AM')!.required).toBe(DEMO_DESK_FIXED_POSTS);
      const consult = await backend.context.session.use((db) => db.get<{ id: number }>("SELECT id FROM posts WHERE code = 'CG-CONSULT'"));
      expect(plan.bySkill.filter((row) => row.postId === consult!.id && row.date === '2026-11-23')).toHaveLength(18);
      expect(plan.bySkill.find((row) => row.postId === consult!.id)!.required).toBe(DEMO_DESK_FIXED_POSTS);
    });
  });

  it('splits each zone’s need onto its skills, rounding up', async () => {
    await withTestBackend(async (backend) => {
      const plan = await ask(backend, 'demand/staffing', { weeks: 1 });
      const posts = await backend.context.session.use((db) => db.all<{ id: number; zoneId: number }>('SELECT id, zone_id AS zoneId FROM posts'));
      const zoneOfPost = new Map(posts.map((p) => [p.id, p.zoneId]));
      for (const zone of plan.zones.filter((z) => z.fixedPosts === 0)) {
        const postsOfZone = new Set(posts.filter((p) => p.zoneId === zone.zoneId).map((p) => p.id));
        for (const slot of zone.days.find((d) => d.date === '2026-11-24')!.slots) {
          const rows = plan.bySkill.filter((r) => r.date === '2026-11-24' && r.slot === slot.slot && zoneOfPost.get(r.postId) === zone.zoneId);
          const total = rows.reduce((s, r) => s + r.required, 0);
          expect(rows.every((r) => postsOfZone.has(r.postId))).toBe(true);
          expect(total).toBeGreaterThanOrEqual(slot.required);
          expect(total).toBeLessThanOrEqual(slot.required + rows.length - 1 || slot.required);
        }
      }
    });
  });
});

describe('importing ticket files', () => {
  it('adds a per-ticket file to the counts per half-hour, with handling and waiting times, and one audit entry', async () => {
    await withTestBackend(async (backend) => {
      const before = await countsOf(backend, 'TX-REG', '2026-11-21');
      expect(before).toEqual([]); // a Saturday: the demo has no tickets
      const file = csvUpload([
        TICKET_HEADER,
        ['TX-REG', '2026-11-21 09:01:00', '2026-11-21 09:05:00', '2026-11-21 09:12:00', 'F01'],
        ['税务登记', '2026/11/21 9:20', '2026/11/21 9:31', '2026/11/21 9:40', ''],
        ['tx-reg', '2026-11-21 10:00:10', '', '', ''],
      ]);
      expect(await ask(backend, 'demand/importCheck', file)).toEqual({ kind: null, totalRows: 3, goodRows: 3, errors: [], toCreate: 2, toUpdate: 0, unchanged: 0 });
      expect(await ask(backend, 'demand/importApply', { ...file, goodRowsOnly: false })).toMatchObject({ written: 2, goodRows: 3 });
      expect(await countsOf(backend, 'TX-REG', '2026-11-21')).toEqual([
        { slot: 18, arrivals: 2, served: 2, handleSeconds: 7 * 60 + 9 * 60, waitSeconds: 4 * 60 + 11 * 60 },
        { slot: 20, arrivals: 1, served: 0, handleSeconds: 0, waitSeconds: 0 },
      ]);
      // Tickets are events: the same export again adds, as a second month's file would.
      expect(await ask(backend, 'demand/importCheck', file)).toMatchObject({ toCreate: 0, toUpdate: 2 });
      await ask(backend, 'demand/importApply', { ...file, goodRowsOnly: false });
      expect((await countsOf(backend, 'TX-REG', '2026-11-21'))[0]!.arrivals).toBe(4);
      const audit = await auditRows(backend, 'ticket_counts');
      expect(audit).toHaveLength(2);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fileName: 'tickets.csv', fileKind: 'tickets', merge: 'add', written: 2 });
    });
  });

  it('reads an .xlsx whose time columns Excel turned into date cells', async () => {
    await withTestBackend(async (backend) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('叫号记录');
      sheet.addRow(TICKET_HEADER);
      sheet.addRow(['公证', new Date(Date.UTC(2026, 10, 21, 14, 2, 0)), new Date(Date.UTC(2026, 10, 21, 14, 10, 0)), new Date(Date.UTC(2026, 10, 21, 14, 30, 0)), 'A03']);
      const file = { fileName: '叫号.xlsx', base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
      expect(await ask(backend, 'demand/importApply', { ...file, goodRowsOnly: false })).toMatchObject({ written: 1, errors: [] });
      expect(await countsOf(backend, 'PJ-NOTARY', '2026-11-21')).toEqual([{ slot: 28, arrivals: 1, served: 1, handleSeconds: 1200, waitSeconds: 480 }]);
    });
  });

  it('rejects every bad ticket row with its line, column and reason, writing nothing', async () => {
    await withTestBackend(async (backend) => {
      const before = await ticketTotals(backend);
      const file = csvUpload([
        TICKET_HEADER,
        ['TX-REG', '2026-11-20 09:01', '2026-11-20 09:05', '2026-11-20 09:12', 'F01'],
        ['契税', '2026-11-20 09:01', '2026-11-20 09:05', '2026-11-20 09:12', ''],
        ['TX-REG', 'yesterday', '', '', ''],
        ['TX-REG', '2026-02-30 09:00', '', '', ''],
        ['TX-REG', '2026-11-20 09:30', '2026-11-20 09:10', '2026-11-20 09:40', ''],
        ['TX-REG', '2026-11-20 09:30', '2026-11-20 09:40', '2026-11-20 09:35', ''],
        ['TX-REG', '2026-11-20 09:30', '2026-11-20 09:40', '2026-11-20 09:50', 'Q9'],
        ['TX-REG', '2026-11-23 09:30', '', '', ''],
        ['TX-REG', '', '', '', ''],
        ['TX-REG', '2026-11-20 09:30', '', '2026-11-20 09:50', ''],
      ]);
      const report = await ask(backend, 'demand/importCheck', file);
      expectError(report.errors, 3, '业务类型', 'unknown_business_type', '契税');
      expectError(report.errors, 4, '取号时间', 'bad_value', 'format: yesterday');
      expectError(report.errors, 5, '取号时间', 'bad_value', 'format');
      expectError(report.errors, 6, '叫号时间', 'bad_value', 'called_before_taken');
      expectError(report.errors, 7, '完成时间', 'bad_value', 'finished_before_called');
      expectError(report.errors, 8, '窗口', 'unknown_window', 'Q9');
      expectError(report.errors, 9, '取号时间', 'bad_value', 'future_date');
      expectError(report.errors, 10, '取号时间', 'bad_value', 'required');
      expectError(report.errors, 11, '叫号时间', 'bad_value', 'required_with_finished');
      expect(report).toMatchObject({ totalRows: 10, goodRows: 1 });
      const error = await refused(backend, 'demand/importApply', { ...file, goodRowsOnly: false });
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain('line(s) 3, 4, 5');
      expect(await ticketTotals(backend)).toEqual(before);
      expect(await auditRows(backend, 'ticket_counts')).toEqual([]);

      // goodRowsOnly imports the one good row and reports the rest.
      const result = await ask(backend, 'demand/importApply', { ...file, goodRowsOnly: true });
      expect(result).toMatchObject({ written: 1, goodRows: 1 });
      expect(result.errors.length).toBe(report.errors.length);
      expect((await ticketTotals(backend))!.arrivals).toBe(before!.arrivals + 1);
    });
  });

  it('rejects a file it cannot read, an empty one, and one missing a column', async () => {
    await withTestBackend(async (backend) => {
      const before = await ticketTotals(backend);
      const wrongType = await ask(backend, 'demand/importCheck', { fileName: 'tickets.pdf', base64: 'AAAA' });
      expectError(wrongType.errors, 0, null, 'wrong_file_type', 'tickets.pdf');
      const notXlsx = await ask(backend, 'demand/importCheck', { fileName: 'tickets.xlsx', base64: Buffer.from('hello').toString('base64') });
      expectError(notXlsx.errors, 0, null, 'wrong_file_type', 'xlsx');
      expectError((await ask(backend, 'demand/importCheck', csvUpload([TICKET_HEADER]))).errors, 0, null, 'empty_file', 'header only');
      expectError((await ask(backend, 'demand/importCheck', csvUpload([['']]))).errors, 0, null, 'empty_file', 'no rows');
      const missing = await ask(backend, 'demand/importCheck', csvUpload([['业务类型', '取号时间', '完成时间'], ['TX-REG', '2026-11-20 09:00', '']]));
      expectError(missing.errors, 1, '叫号时间', 'missing_column');
      const neither = await ask(backend, 'demand/importCheck', csvUpload([['名称', '值'], ['a', '1']]));
      expectError(neither.errors, 1, '取号时间', 'missing_column');
      const error = await refused(backend, 'demand/importApply', { ...csvUpload([['业务类型', '取号时间', '完成时间'], ['TX-REG', '2026-11-20 09:00', '']]), goodRowsOnly: true });
      expect(error.code).toBe('invalid_argument');
      expect(await ticketTotals(backend)).toEqual(before);
    });
  });

  it('imports a daily-count file, replacing that day’s count for the type', async () => {
    await withTestBackend(async (backend) => {
      const file = csvUpload([DAILY_HEADER, ['2026-11-21', '婚姻登记', '37'], ['2026/11/14', 'SA-MARRIAGE', '12']], 'daily.csv');
      expect(await ask(backend, 'demand/importCheck', file)).toMatchObject({ totalRows: 2, goodRows: 2, errors: [], toCreate: 2 });
      expect(await ask(backend, 'demand/importApply', { ...file, goodRowsOnly: false })).toMatchObject({ written: 2 });
      const again = csvUpload([DAILY_HEADER, ['2026-11-21', '婚姻登记', '40'], ['2026-11-14', 'SA-MARRIAGE', '12']], 'daily.csv');
      expect(await ask(backend, 'demand/importCheck', again)).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 1 });
      await ask(backend, 'demand/importApply', { ...again, goodRowsOnly: false });
      expect(await countsOf(backend, 'SA-MARRIAGE', '2026-11-21')).toEqual([{ slot: -1, arrivals: 40, served: 0, handleSeconds: 0, waitSeconds: 0 }]);
      const sa = await zoneIdOf(backend, 'SA');
      const history = await ask(backend, 'demand/history', { from: '2026-11-21', to: '2026-11-21' });
      expect(history.find((h) => h.zoneId === sa)!.days).toEqual([{ date: '2026-11-21', arrivals: 40 }]);
      expect(JSON.parse((await auditRows(backend, 'ticket_counts'))[1]!.detail)).toMatchObject({ fileKind: 'daily', merge: 'replace' });
    });
  });

  it('rejects bad daily-count rows: bad date, unknown type, negative or fractional count, a repeated row', async () => {
    await withTestBackend(async (backend) => {
      const before = await ticketTotals(backend);
      const file = csvUpload([
        DAILY_HEADER,
        ['2026-11-21', 'SA-MARRIAGE', '10'],
        ['2026-13-01', 'SA-MARRIAGE', '10'],
        ['2026-11-19', '离婚冷静期', '10'],
        ['2026-11-18', 'SA-MARRIAGE', '-3'],
        ['2026-11-17', 'SA-MARRIAGE', '2.5'],
        ['2026-11-21', '婚姻登记', '11'],
        ['2026-11-16', 'SA-MARRIAGE', ''],
        ['2026-12-01', 'SA-MARRIAGE', '4'],
        ['2026-11-13', 'SA-MARRIAGE', '9'],
      ], 'daily.csv');
      const report = await ask(backend, 'demand/importCheck', file);
      expectError(report.errors, 3, '日期', 'bad_value', 'format: 2026-13-01');
      expectError(report.errors, 4, '业务类型', 'unknown_business_type', '离婚冷静期');
      expectError(report.errors, 5, '数量', 'bad_value', 'negative: -3');
      expectError(report.errors, 6, '数量', 'bad_value', 'not_integer: 2.5');
      expectError(report.errors, 7, '业务类型', 'duplicate_row', 'line 2');
      expectError(report.errors, 8, '数量', 'bad_value', 'required');
      expectError(report.errors, 9, '日期', 'bad_value', 'future_date');
      // The demo already holds that Friday's tickets per half-hour: a daily count would double them.
      expectError(report.errors, 10, '日期', 'duplicate_row', 'stored_tickets: 2026-11-13 SA-MARRIAGE');
      expect(report.goodRows).toBe(1);
      await refused(backend, 'demand/importApply', { ...file, goodRowsOnly: false });
      expect(await ticketTotals(backend)).toEqual(before);
    });
  });
});
