import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { ImportRowError } from '../../../electron/contract/model.ts';
import { insertDraftRoster, publishRoster, type RosterAssignmentRecord } from '../../../data/repositories/roster.ts';
import { ask, refused, withTestBackend } from '../../support/backend.ts';
import { draftStaff, validResidentId } from '../../support/people.ts';

const HEADER = ['工号', '打卡时间', '设备'];

interface Upload {
  fileName: string;
  base64: string;
}

function csvUpload(rows: string[][], fileName = 'punches.csv'): Upload {
  const text = rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
  return { fileName, base64: Buffer.from(text, 'utf8').toString('base64') };
}

/** Four punches of an ordinary day for one person. */
function day(employeeNo: string, date: string, times = ['08:20', '12:01', '13:22', '17:34']): string[][] {
  return times.map((time) => [employeeNo, `${date} ${time}:17`, '大厅1号机']);
}

function expectError(errors: ImportRowError[], line: number, column: string | null, problem: string, detail?: string) {
  const match = errors.find((error) => error.line === line && error.column === column && error.problem === problem);
  expect(match, `${problem} at line ${line}, ${column} in ${JSON.stringify(errors)}`).toBeDefined();
  if (detail) expect(match!.detail).toContain(detail);
}

/** A person of our own, so the demo's punches never mix into the counts. */
async function withPerson(work: (backend: Backend, staffId: number) => Promise<void>): Promise<void> {
  await withTestBackend(async (backend) => {
    const person = await ask(backend, 'staff/create', { staff: draftStaff({ employeeNo: 'T0001', hireDate: '2026-03-01' }) });
    await work(backend, person.id);
  });
}

async function importCsv(backend: Backend, rows: string[][]): Promise<number> {
  return (await ask(backend, 'punches/apply', { ...csvUpload([HEADER, ...rows]), goodRowsOnly: false })).written;
}

async function auditRows(backend: Backend, entity: string) {
  return backend.context.session.use((db) => db.all<{ action: string; detail: string }>('SELECT action, detail FROM audit_log WHERE entity = ? ORDER BY id', [entity]));
}

async function codeOn(backend: Backend, staffId: number, date: string): Promise<string> {
  const month = await ask(backend, 'attendance/month', { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) });
  const row = month.rows.find((candidate) => candidate.staffId === staffId)!;
  return row.days.find((candidate) => candidate.date === date)!.code;
}

describe('importing punch files', () => {
  it('checks a good file in full and imports it in one go, with one audit entry', async () => {
    await withPerson(async (backend, staffId) => {
      const file = csvUpload([HEADER, ...day('T0001', '2026-11-02'), ...day('t0001', '2026/11/3', ['8:25', '12:00', '13:25', '17:31'])]);
      const report = await ask(backend, 'punches/check', file);
      expect(report).toEqual({ totalRows: 8, goodRows: 8, errors: [], toCreate: 8 });
      expect((await ask(backend, 'punches/apply', { ...file, goodRowsOnly: false })).written).toBe(8);
      const punches = await ask(backend, 'punches/list', { staffId, from: '2026-11-02', to: '2026-11-03' });
      expect(punches.map((punch) => punch.at)).toEqual([
        '2026-11-02T08:20', '2026-11-02T12:01', '2026-11-02T13:22', '2026-11-02T17:34',
        '2026-11-03T08:25', '2026-11-03T12:00', '2026-11-03T13:25', '2026-11-03T17:31',
      ]);
      expect(punches[0]).toMatchObject({ device: '大厅1号机', sourceFile: 'punches.csv' });
      const audit = await auditRows(backend, 'punches');
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fileName: 'punches.csv', written: 8 });
    });
  });

  it('reads English headers and an .xlsx whose time column Excel turned into date cells', async () => {
    await withPerson(async (backend, staffId) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('记录');
      sheet.addRow(['Employee No', 'Time', 'Device']);
      sheet.addRow(['T0001', new Date(Date.UTC(2026, 10, 4, 8, 26, 40)), 'gate']);
      sheet.addRow(['T0001', '2026-11-04 17:40', 'gate']);
      const file = { fileName: 'machine.xlsx', base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
      expect(await ask(backend, 'punches/apply', { ...file, goodRowsOnly: false })).toMatchObject({ written: 2, errors: [] });
      const punches = await ask(backend, 'punches/list', { staffId, from: '2026-11-04', to: '2026-11-04' });
      expect(punches.map((punch) => punch.at)).toEqual(['2026-11-04T08:26', '2026-11-04T17:40']);
    });
  });

  it('reports an unknown employee', async () => {
    await withPerson(async (backend) => {
      const report = await ask(backend, 'punches/check', csvUpload([HEADER, ['T0001', '2026-11-02 08:20', ''], ['X9999', '2026-11-02 08:21', ''], ['', '2026-11-02 08:22', '']]));
      expectError(report.errors, 3, '工号', 'unknown_employee', 'X9999');
      expectError(report.errors, 4, '工号', 'unknown_employee', 'required');
      expect(report.goodRows).toBe(1);
    });
  });

  it('reports a bad time: not a time, an impossible date, a time in the future', async () => {
    await withPerson(async (backend) => {
      const report = await ask(backend, 'punches/check', csvUpload([
        HEADER, ['T0001', 'yesterday', ''], ['T0001', '2026-02-30 08:00', ''], ['T0001', '2026-11-02 25:00', ''], ['T0001', '2026-12-01 08:00', ''], ['T0001', '', ''],
      ]));
      expectError(report.errors, 2, '打卡时间', 'bad_time', 'yesterday');
      expectError(report.errors, 3, '打卡时间', 'bad_time', 'format');
      expectError(report.errors, 4, '打卡时间', 'bad_time', 'format');
      expectError(report.errors, 5, '打卡时间', 'bad_time', 'future_date');
      expectError(report.errors, 6, '打卡时间', 'bad_time', 'required');
      expect(report.goodRows).toBe(0);
    });
  });

  it('reports the same person and minute twice in a file, naming the first line', async () => {
    await withPerson(async (backend) => {
      const report = await ask(backend, 'punches/check', csvUpload([HEADER, ['T0001', '2026-11-02 08:20:05', ''], ['T0001', '2026-11-02 08:20:59', '']]));
      expectError(report.errors, 3, '打卡时间', 'duplicate_punch', 'line 2');
      expect(report.goodRows).toBe(1);
    });
  });

  it('reports a punch already stored', async () => {
    await withPerson(async (backend) => {
      await importCsv(backend, day('T0001', '2026-11-02'));
      const report = await ask(backend, 'punches/check', csvUpload([HEADER, ['T0001', '2026-11-02 08:20', ''], ['T0001', '2026-11-02 08:29', '']]));
      expectError(report.errors, 2, '打卡时间', 'duplicate_punch', 'stored');
      expect(report).toMatchObject({ totalRows: 2, goodRows: 1, toCreate: 1 });
    });
  });

  it('reports a punch outside the person\u2019s employment', async () => {
    await withPerson(async (backend) => {
      const report = await ask(backend, 'punches/check', csvUpload([HEADER, ['T0001', '2026-02-27 08:20', '']]));
      expectError(report.errors, 2, '打卡时间', 'not_employed');
    });
  });

  it('refuses a file of the wrong shape: a missing column, no data, not a spreadsheet', async () => {
    await withPerson(async (backend) => {
      const noTime = await ask(backend, 'punches/check', csvUpload([['工号', '设备'], ['T0001', 'A']]));
      expectError(noTime.errors, 1, '打卡时间', 'missing_column');
      expect(noTime.goodRows).toBe(0);
      const headerOnly = await ask(backend, 'punches/check', csvUpload([HEADER]));
      expectError(headerOnly.errors, 0, null, 'empty_file');
      const empty = await ask(backend, 'punches/check', { fileName: 'empty.csv', base64: Buffer.from('\r\n').toString('base64') });
      expectError(empty.errors, 0, null, 'empty_file');
      const pdf = await ask(backend, 'punches/check', { fileName: 'punches.pdf', base64: Buffer.from('%PDF-1.4').toString('base64') });
      expectError(pdf.errors, 0, null, 'wrong_file_type');
      const fakeXlsx = await ask(backend, 'punches/check', { fileName: 'punches.xlsx', base64: Buffer.from('工号,打卡时间').toString('base64') });
      expectError(fakeXlsx.errors, 0, null, 'wrong_file_type');
      const binary = await ask(backend, 'punches/check', { fileName: 'punches.csv', base64: Buffer.from([0, 1, 2, 3, 255, 254]).toString('base64') });
      expectError(binary.errors, 0, null, 'wrong_file_type');
      const error = await refused(backend, 'punches/apply', { ...csvUpload([['工号', '设备'], ['T0001', 'A']]), goodRowsOnly: true });
      expect(error.code).toBe('invalid_argument');
    });
  });

  it('writes nothing from a file with a bad row, unless asked for the good rows only', async () => {
    await withPerson(async (backend, staffId) => {
      const file = csvUpload([HEADER, ...day('T0001', '2026-11-02'), ['NOBODY', '2026-11-02 08:00', '']]);
      expect((await refused(backend, 'punches/apply', { ...file, goodRowsOnly: false })).code).toBe('invalid_argument');
      expect(await ask(backend, 'punches/list', { staffId, from: '2026-11-02', to: '2026-11-02' })).toEqual([]);
      const result = await ask(backend, 'punches/apply', { ...file, goodRowsOnly: true });
      expect(result).toMatchObject({ written: 4, goodRows: 4, totalRows: 5 });
      expect(await ask(backend, 'punches/list', { staffId, from: '2026-11-02', to: '2026-11-02' })).toHaveLength(4);
    });
  });
});

describe('the month and the day', () => {
  it('reconciles imported punches into the month sheet, days not over yet left blank', async () => {
    await withPerson(async (backend, staffId) => {
      await importCsv(backend, [...day('T0001', '2026-11-02'), ...day('T0001', '2026-11-03', ['08:55', '12:00', '13:25', '17:31'])]);
      const month = await ask(backend, 'attendance/month', { year: 2026, month: 11 });
      expect(month.days).toHaveLength(30);
      expect(month.pendingFrom).toBe('2026-11-22');
      const row = month.rows.find((candidate) => candidate.staffId === staffId)!;
      const code = (date: string) => row.days.find((candidate) => candidate.date === date)!.code;
      expect([code('2026-11-01'), code('2026-11-02'), code('2026-11-03'), code('2026-11-04'), code('2026-11-23')]).toEqual(['休', '√', '迟', '旷', '']);
      expect(row.totals).toMatchObject({ workedDays: 2, lateCount: 1, lateMinutes: 25 });
      // 15 working days from the 1st to the 21st, two of them worked.
      expect(row.totals.absentDays).toBe(13);
      // The demo centre's people have demo punches: the sheet has everyone employed that month.
      expect(month.rows.length).toBeGreaterThan(100);
    });
  });

  it('a changed grace period changes what counts as late', async () => {
    await withPerson(async (backend, staffId) => {
      await importCsv(backend, day('T0001', '2026-11-03', ['08:55', '12:00', '13:25', '17:31']));
      expect(await ask(backend, 'attendance/settings', {})).toEqual({ lateGraceMinutes: 15, halfDayAfterMinutes: 30 });
      expect(await codeOn(backend, staffId, '2026-11-03')).toBe('迟');
      await ask(backend, 'attendance/settings', { set: { lateGraceMinutes: 25, halfDayAfterMinutes: 30 } });
      expect(await codeOn(backend, staffId, '2026-11-03')).toBe('√');
      await ask(backend, 'attendance/settings', { set: { lateGraceMinutes: 10, halfDayAfterMinutes: 20 } });
      expect(await codeOn(backend, staffId, '2026-11-03')).toBe('旷½');
      expect((await refused(backend, 'attendance/settings', { set: { lateGraceMinutes: 30, halfDayAfterMinutes: 20 } })).code).toBe('invalid_argument');
    });
  });

  it('a correction needs a reason, overrides the day and is kept with its history and in the audit log', async () => {
    await withPerson(async (backend, staffId) => {
      expect((await refused(backend, 'attendance/correct', { staffId, date: '2026-11-05', status: 'official', reason: '  ' })).code).toBe('invalid_argument');
      expect((await refused(backend, 'attendance/correct', { staffId, date: '2026-11-25', status: 'official', reason: '外出办事' })).code).toBe('invalid_argument');
      const before = await ask(backend, 'attendance/day', { staffId, date: '2026-11-05' });
      expect(before).toMatchObject({ status: 'absent', code: '旷', corrected: false, corrections: [] });
      await ask(backend, 'attendance/correct', { staffId, date: '2026-11-05', status: 'absent', reason: '先记旷工' });
      const after = await ask(backend, 'attendance/correct', { staffId, date: '2026-11-05', status: 'official', reason: '市政务办借调，有通知' });
      expect(after).toMatchObject({ code: '公', corrected: true });
      expect(after.corrections.map((correction) => [correction.status, correction.reason])).toEqual([['absent', '先记旷工'], ['official', '市政务办借调，有通知']]);
      expect(await codeOn(backend, staffId, '2026-11-05')).toBe('公');
      const audit = await auditRows(backend, 'attendance_correction');
      expect(audit).toHaveLength(2);
      expect(JSON.parse(audit[1]!.detail)).toMatchObject({ staffId, date: '2026-11-05', to: 'official', reason: '市政务办借调，有通知' });
    });
  });

  it('shows a day in detail: punches, segments, status', async () => {
    await withPerson(async (backend, staffId) => {
      await importCsv(backend, day('T0001', '2026-11-02', ['08:20', '13:22', '17:34']));
      const detail = await ask(backend, 'attendance/day', { staffId, date: '2026-11-02' });
      expect(detail).toMatchObject({ kind: 'workday', status: 'missing', code: '缺' });
      expect(detail.punches.map((punch) => punch.at)).toEqual(['2026-11-02T08:20', '2026-11-02T13:22', '2026-11-02T17:34']);
      expect(detail.segments.map((segment) => segment.status)).toEqual(['missing', 'on_time']);
    });
  });

  it('refuses a month whose holiday notice nobody confirmed', async () => {
    await withTestBackend(async (backend) => {
      const error = await refused(backend, 'attendance/month', { year: 2027, month: 1 });
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('2027');
      expect((await refused(backend, 'duty/month', { year: 2027, month: 1 })).code).toBe('conflict');
    });
  });

  it('exports the month as an .xlsx set up for A4 landscape with the header repeated', async () => {
    await withPerson(async (backend) => {
      await importCsv(backend, day('T0001', '2026-11-02'));
      const file = await ask(backend, 'attendance/export', { year: 2026, month: 11 });
      expect(file.fileName).toBe('考勤表-2026-11.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '3:3' });
      expect(String(sheet.getCell('A1').value)).toContain('2026年11月考勤表');
      expect(sheet.getRow(3).getCell(1).value).toBe('工号');
      const mine = sheet.getColumn(1).values.findIndex((value) => value === 'T0001');
      expect(sheet.getRow(mine).getCell(2 + 2).value).toBe('√');
    });
  });
});

describe('demo punches and the on-duty rate', () => {
  it('seeds the demo centre with punches for last month and this month up to yesterday', async () => {
    await withTestBackend(async (backend) => {
      const summary = await ask(backend, 'punches/summary', {});
      expect(summary.count).toBeGreaterThan(10_000);
      expect(summary.first?.slice(0, 10)).toBe('2026-10-08');
      expect(summary.last?.slice(0, 10)).toBe('2026-11-20');
    });
  });

  it('reports the on-duty rate per zone and for the centre, with the short days and why', async () => {
    await withTestBackend(async (backend) => {
      const settings = await ask(backend, 'duty/settings', {});
      expect(settings).toMatchObject({ definition: 'attendance', targetPercent: 98 });
      const month = await ask(backend, 'duty/month', { year: 2026, month: 10 });
      // October 2026: 国庆 1–7 off, Saturday 10 worked.
      expect(month.workingDays).toHaveLength(18);
      expect(month.zones).toHaveLength(Object.keys(settings.contractedPosts).length);
      const contracted = Object.values(settings.contractedPosts).reduce((sum, posts) => sum + posts, 0);
      expect(month.centre.contractedPostDays).toBe(contracted * 18);
      expect(month.centre.ratePercent).toBeGreaterThan(80);
      const zone = month.zones[0]!;
      await ask(backend, 'duty/settings', { set: { definition: 'headcount', targetPercent: 95, contractedPosts: { [String(zone.zoneId)]: 100 } } });
      const short = await ask(backend, 'duty/month', { year: 2026, month: 10 });
      const shortZone = short.zones.find((candidate) => candidate.zoneId === zone.zoneId)!;
      expect(shortZone.contractedPosts).toBe(100);
      expect(shortZone.met).toBe(false);
      expect(shortZone.shortDays).toHaveLength(18);
      expect(shortZone.shortDays[0]!.vacancy).toBeGreaterThan(80);
    });
  });
});

describe('attendance follows the published roster', () => {
  /**
   * Three people of our own: T0001 and T0002 in the first zone, which a roster published for the
   * week of 2 November staffs; T0003 in the second zone, which no roster covers, except for the
   * Saturday duty lent to the first zone's roster.
   */
  async function withRoster(work: (backend: Backend, ids: { a: number; b: number; c: number }) => Promise<void>): Promise<void> {
    await withTestBackend(async (backend) => {
      const zones = await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM zones ORDER BY id LIMIT 2'));
      const [home, other] = zones.map((zone) => zone.id) as [number, number];
      const create = async (employeeNo: string, serial: string, homeZoneId: number) =>
        (await ask(backend, 'staff/create', { staff: draftStaff({ employeeNo, homeZoneId, idNumber: validResidentId('1995-06-15', 'F', '330106', serial) }) })).id;
      const ids = { a: await create('T0001', '12', home), b: await create('T0002', '13', home), c: await create('T0003', '14', other) };
      await backend.context.session.use(async (db) => {
        const post = (await db.get<{ id: number }>('SELECT id FROM posts ORDER BY id LIMIT 1'))!.id;
        const duty = (staffId: number, date: string, shiftCode: string): RosterAssignmentRecord => ({ staffId, date, shiftCode, postId: post, learner: false });
        await db.transaction(async (tx) => {
          const rosterId = await insertDraftRoster(tx, {
            from: '2026-11-02', to: '2026-11-08', zoneIds: [home], source: 'import', createdAt: '2026-10-30T02:00:00.000Z',
            stats: { engine: null, status: null, seconds: null, objective: null, bound: null, gap: null, unmet: 0, resilience: 0 },
            gaps: [], scenario: {},
            assignments: [
              // T0001: a full day on Monday, off on Tuesday, the morning and the lunch cover on Saturday.
              duty(ids.a, '2026-11-02', 'DAY'), duty(ids.a, '2026-11-07', 'AM'), duty(ids.a, '2026-11-07', 'NOON'),
              // T0002: the default morning and afternoon on Monday and Tuesday, and a code no template has.
              duty(ids.b, '2026-11-02', 'AM'), duty(ids.b, '2026-11-02', 'PM'), duty(ids.b, '2026-11-03', 'AM'), duty(ids.b, '2026-11-03', 'PM'),
              duty(ids.b, '2026-11-04', 'GONE'),
              // T0003, of the other zone, lent for Saturday morning.
              duty(ids.c, '2026-11-07', 'AM'),
            ],
          });
          await publishRoster(tx, rosterId, '2026-10-30T03:00:00.000Z');
        });
      });
      await work(backend, ids);
    });
  }

  async function codesOf(backend: Backend, staffId: number, dates: string[]): Promise<string[]> {
    const month = await ask(backend, 'attendance/month', { year: 2026, month: 11 });
    const row = month.rows.find((candidate) => candidate.staffId === staffId)!;
    return dates.map((date) => row.days.find((candidate) => candidate.date === date)!.code);
  }

  it('marks someone rostered off on a weekday 休, and judges their full-day and Saturday duties on punches', async () => {
    await withRoster(async (backend, { a }) => {
      await importCsv(backend, [
        ...day('T0001', '2026-11-02', ['08:25', '17:35']),
        ...day('T0001', '2026-11-07', ['08:26', '13:31']),
      ]);
      // Monday's two punches fit the full day; Tuesday off; Wednesday to Friday rostered off too (no duty).
      expect(await codesOf(backend, a, ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-07', '2026-11-08', '2026-11-09'])).toEqual(['√', '休', '休', '√', '休', '旷']);
      const saturday = await ask(backend, 'attendance/day', { staffId: a, date: '2026-11-07' });
      expect(saturday).toMatchObject({ kind: 'weekend', status: 'on_time', code: '√', overtimeMinutes: 0 });
      expect(saturday.segments).toMatchObject([{ startsAt: 510, endsAt: 810, status: 'on_time', clockIn: 506, clockOut: 811 }]);
      const tuesday = await ask(backend, 'attendance/day', { staffId: a, date: '2026-11-03' });
      expect(tuesday).toMatchObject({ kind: 'workday', status: 'rest', code: '休', segments: [], rostered: true });
    });
  });

  it('judges duties on the default times as the default day would, an unpunched duty as absence', async () => {
    await withRoster(async (backend, { b }) => {
      await importCsv(backend, day('T0002', '2026-11-02'));
      // Saturday and Sunday: the roster covers the zone and gives no duty.
      expect(await codesOf(backend, b, ['2026-11-02', '2026-11-03', '2026-11-07', '2026-11-08'])).toEqual(['√', '旷', '休', '休']);
    });
  });

  it('falls back to the default day when a duty\u2019s shift has no template', async () => {
    await withRoster(async (backend, { b }) => {
      await importCsv(backend, day('T0002', '2026-11-04'));
      const wednesday = await ask(backend, 'attendance/day', { staffId: b, date: '2026-11-04' });
      expect(wednesday).toMatchObject({ status: 'on_time', code: '√' });
      expect(wednesday.segments.map((segment) => [segment.startsAt, segment.endsAt])).toEqual([[510, 720], [810, 1050]]);
    });
  });

  it('judges a person lent to a rostered zone on the duty, and keeps the default day where no roster covers their zone', async () => {
    await withRoster(async (backend, { c }) => {
      await importCsv(backend, [...day('T0003', '2026-11-03'), ...day('T0003', '2026-11-07', ['08:50', '12:03'])]);
      expect(await codesOf(backend, c, ['2026-11-02', '2026-11-03', '2026-11-07', '2026-11-08'])).toEqual(['旷', '√', '迟', '休']);
      const tuesday = await ask(backend, 'attendance/day', { staffId: c, date: '2026-11-03' });
      expect(tuesday.rostered).toBe(false);
      expect(tuesday.segments.map((segment) => [segment.startsAt, segment.endsAt])).toEqual([[510, 720], [810, 1050]]);
    });
  });

  it('judges an unpunched Saturday duty as absence, and corrects it like any other day', async () => {
    await withRoster(async (backend, { a }) => {
      const saturday = await ask(backend, 'attendance/day', { staffId: a, date: '2026-11-07' });
      expect(saturday).toMatchObject({ status: 'absent', code: '旷' });
      const corrected = await ask(backend, 'attendance/correct', { staffId: a, date: '2026-11-07', status: 'official', reason: '外出办事' });
      expect(corrected).toMatchObject({ code: '公', corrected: true });
      expect(await codesOf(backend, a, ['2026-11-07'])).toEqual(['公']);
    });
  });
});
