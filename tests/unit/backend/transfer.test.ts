import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { FilePayload, ImportRowError, TransferFormat, TransferKind } from '../../../electron/contract/model.ts';
import { listAudit } from '../../../data/repositories/audit.ts';
import { ask, refused, TEST_TODAY, withTestBackend } from '../../support/backend.ts';
import { validResidentId } from '../../support/people.ts';

const STAFF_HEADER = ['工号', '姓名', '性别', '手机号', '身份证号', '入职日期', '状态', '所属区域', '主岗位', '工时制', '周工时上限', '薪级', '离职日期', '离职原因', '参加工作日期'];
const SKILL_HEADER = ['工号', '姓名', '岗位', '等级', '认证日期'];
const HEADERS: Record<TransferKind, string[]> = { staff: STAFF_HEADER, skills: SKILL_HEADER };
const BOM = [0xef, 0xbb, 0xbf];

interface Upload {
  fileName: string;
  base64: string;
}

const withBackend = withTestBackend;

// ---- Files as a user's spreadsheet program would hand them over -------------------------------

function bytesOf(payload: { base64: string }): Buffer {
  return Buffer.from(payload.base64, 'base64');
}

async function workbookOf(payload: { base64: string }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytesOf(payload) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}

function csvRows(payload: { base64: string }): string[][] {
  const text = bytesOf(payload).toString('utf8').replace(/^\uFEFF/, '');
  // Our exports quote nothing in these tests' data; a naive split is enough to read them back.
  return text.split('\r\n').filter((line) => line !== '').map((line) => line.split(','));
}

async function rowsOf(payload: FilePayload, format: TransferFormat): Promise<string[][]> {
  return format === 'xlsx' ? sheetRows((await workbookOf(payload)).worksheets[0]!) : csvRows(payload);
}

async function xlsxUpload(rows: string[][], fileName = 'upload.xlsx'): Promise<Upload> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row);
  return { fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

function csvUpload(rows: string[][], fileName = 'upload.csv', withBom = false): Upload {
  const text = rows.map((row) => row.join(',')).join('\n') + '\n';
  return { fileName, base64: Buffer.from((withBom ? '\uFEFF' : '') + text, 'utf8').toString('base64') };
}

function check(backend: Backend, file: Upload) {
  return ask(backend, 'transfer/check', file);
}

/** Only what a test asserts on: the line, the column and the problem, plus the rule in the detail. */
function expectError(errors: ImportRowError[], line: number, column: string | null, problem: string, rule?: string) {
  const match = errors.find((error) => error.line === line && error.column === column && error.problem === problem);
  expect(match, `${problem} at line ${line}, ${column} in ${JSON.stringify(errors)}`).toBeDefined();
  if (rule) expect(match!.detail).toContain(rule);
}

// ---- The demo centre as the tests need it ------------------------------------------------------

async function centreOf(backend: Backend) {
  const centre = await ask(backend, 'centre/get', {});
  const zone = (code: string) => centre.zones.find((z) => z.code === code)!;
  const post = (code: string) => centre.posts.find((p) => p.code === code)!;
  return { centre, zone, post };
}

/** A complete, valid staff row for a new person in the tax zone. */
function newStaffRow(overrides: Partial<Record<string, string>> = {}): string[] {
  const values: Record<string, string> = {
    工号: 'N0001',
    姓名: '导入员',
    性别: '女',
    手机号: '13800138001',
    身份证号: validResidentId('1995-06-15', 'F', '330106', '77'),
    入职日期: '2026-03-01',
    状态: '在岗',
    所属区域: '税务',
    主岗位: 'TX-INTAKE',
    工时制: '标准工时',
    周工时上限: '40',
    薪级: '2',
    离职日期: '',
    离职原因: '',
    ...overrides,
  };
  return STAFF_HEADER.map((column) => values[column] ?? '');
}

async function staffByNo(backend: Backend) {
  return new Map((await ask(backend, 'staff/list', {})).map((row) => [row.employeeNo, row]));
}

// ---- Tests --------------------------------------------------------------------------------------

describe('transfer templates', () => {
  const cases: [TransferKind, TransferFormat, string][] = [
    ['staff', 'xlsx', '人员档案模板'],
    ['staff', 'csv', '人员档案模板'],
    ['skills', 'xlsx', '技能矩阵模板'],
    ['skills', 'csv', '技能矩阵模板'],
  ];

  it.each(cases)('a %s %s template opens with the header row and no data', (kind, format, baseName) =>
    withBackend(async (backend) => {
      const template = await ask(backend, 'transfer/template', { kind, format });
      expect(template.fileName).toBe(`${baseName}-${TEST_TODAY}.${format}`);
      expect(template.mimeType).toBe(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
      expect(await rowsOf(template, format)).toEqual([HEADERS[kind]]);
    }));

  it('lists every allowed value on a second xlsx sheet named 说明', () =>
    withBackend(async (backend) => {
      const workbook = await workbookOf(await ask(backend, 'transfer/template', { kind: 'staff', format: 'xlsx' }));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['人员档案', '说明']);
      const guide = sheetRows(workbook.getWorksheet('说明')!).flat().join('|');
      for (const word of ['TX', '税务', 'TX-INTAKE', '税务收件', 'LEAD', '试用', '在岗', '离职', '女', '男', '标准工时', '综合工时', '学习中', '独立上岗', '可带教', 'YYYY-MM-DD']) {
        expect(guide).toContain(word);
      }
    }));

  it('an untouched template is reported as an empty file', () =>
    withBackend(async (backend) => {
      const template = await ask(backend, 'transfer/template', { kind: 'skills', format: 'xlsx' });
      const report = await check(backend, { fileName: template.fileName, base64: template.base64 });
      expect(report).toMatchObject({ kind: 'skills', totalRows: 0, errors: [{ line: 0, problem: 'empty_file' }] });
    }));
});

describe('transfer export', () => {
  it('names files for the day, writes CSV as UTF-8 with a BOM and places by Chinese name', () =>
    withBackend(async (backend) => {
      const csv = await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' });
      expect(csv.fileName).toBe(`人员档案-${TEST_TODAY}.csv`);
      expect([...bytesOf(csv).subarray(0, 3)]).toEqual(BOM);
      const rows = csvRows(csv);
      const staff = await ask(backend, 'staff/list', {});
      expect(rows).toHaveLength(staff.length + 1);
      const { zone, post } = await centreOf(backend);
      const person = staff.find((row) => row.homeZoneId === zone('TX').id && row.primaryPostId === post('TX-INTAKE').id)!;
      expect(rows.find((row) => row[0] === person.employeeNo)).toEqual(expect.arrayContaining(['税务', '税务收件']));
      expect((await ask(backend, 'transfer/export', { kind: 'skills', format: 'xlsx' })).fileName).toBe(`技能矩阵-${TEST_TODAY}.xlsx`);
    }));

  it('keeps resident IDs and dates as text cells in xlsx, so Excel does not turn them into numbers', () =>
    withBackend(async (backend) => {
      const sheet = (await workbookOf(await ask(backend, 'transfer/export', { kind: 'staff', format: 'xlsx', idNumbers: 'full' }))).worksheets[0]!;
      expect(typeof sheet.getRow(2).getCell(5).value).toBe('string');
      expect(sheet.getRow(2).getCell(6).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(sheet.getColumn(5).numFmt).toBe('@');
    }));

  it('masks resident IDs unless full ones are asked for by name, and either file checks back as unchanged', () =>
    withBackend(async (backend) => {
      const ids = new Map((await backend.context.session.use((db) => db.all<{ employeeNo: string; idNumber: string }>('SELECT employee_no AS employeeNo, id_number AS idNumber FROM staff'))).map((row) => [row.employeeNo, row.idNumber]));
      const masked = await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' });
      const full = await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv', idNumbers: 'full' });
      expect(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv', idNumbers: 'masked' })).toEqual(masked);
      const maskedRows = csvRows(masked).slice(1);
      expect(maskedRows.length).toBe(ids.size);
      for (const row of maskedRows) {
        const id = ids.get(row[0]!)!;
        expect(row[4]).toBe(`${id.slice(0, 2)}${'*'.repeat(12)}${id.slice(-4)}`);
      }
      expect(bytesOf(masked).toString('utf8')).not.toContain([...ids.values()][0]!);
      for (const row of csvRows(full).slice(1)) expect(row[4]).toBe(ids.get(row[0]!));
      for (const file of [masked, full]) {
        const report = await check(backend, { fileName: file.fileName, base64: file.base64 });
        expect(report).toMatchObject({ errors: [], toCreate: 0, toUpdate: 0, unchanged: ids.size });
      }
      // A masked ID names only the person it was exported for: on a new row it is no ID at all.
      const report = await check(backend, csvUpload([STAFF_HEADER, newStaffRow({ 身份证号: maskedRows[0]![4]! })]));
      expectError(report.errors, 2, '身份证号', 'bad_value', 'format');
    }));

  it('writes CSV text that Excel would run as a formula behind an apostrophe, and reads it back', () =>
    withBackend(async (backend) => {
      const row = newStaffRow({ 状态: '离职', 离职日期: '2026-10-01', 离职原因: '=HYPERLINK("x")' });
      await ask(backend, 'transfer/apply', { ...(await xlsxUpload([STAFF_HEADER, row])), goodRowsOnly: false });
      const exported = await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' });
      expect(bytesOf(exported).toString('utf8')).toContain(`'=HYPERLINK(""x"")`);
      const report = await check(backend, { fileName: exported.fileName, base64: exported.base64 });
      expect(report).toMatchObject({ errors: [], toUpdate: 0, toCreate: 0 });
    }));

  it('writes every held skill (level 1 and up) once', () =>
    withBackend(async (backend) => {
      const cells = (await backend.context.session.use((db) => db.all<{ level: number }>('SELECT level FROM staff_skills'))).filter((cell) => cell.level >= 1);
      const rows = csvRows(await ask(backend, 'transfer/export', { kind: 'skills', format: 'csv' }));
      expect(rows.slice(1)).toHaveLength(cells.length);
      expect(rows.slice(1).every((row) => ['1', '2', '3'].includes(row[3]!))).toBe(true);
    }));
});

describe('transfer round trip', () => {
  const cases: [TransferKind, TransferFormat][] = [
    ['staff', 'xlsx'],
    ['staff', 'csv'],
    ['skills', 'xlsx'],
    ['skills', 'csv'],
  ];

  it.each(cases)('a %s %s export checks back as all unchanged', (kind, format) =>
    withBackend(async (backend) => {
      const exported = await ask(backend, 'transfer/export', { kind, format });
      const report = await check(backend, { fileName: exported.fileName, base64: exported.base64 });
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ kind, toCreate: 0, toUpdate: 0 });
      expect(report.totalRows).toBeGreaterThan(10);
      expect(report.unchanged).toBe(report.totalRows);
      expect(report.goodRows).toBe(report.totalRows);
    }));

  it('an exported xlsx with one phone number edited updates exactly that person', () =>
    withBackend(async (backend) => {
      const before = await staffByNo(backend);
      const exported = await ask(backend, 'transfer/export', { kind: 'staff', format: 'xlsx' });
      const workbook = await workbookOf(exported);
      const row = workbook.worksheets[0]!.getRow(5);
      const employeeNo = String(row.getCell(1).value);
      row.getCell(4).value = '0571-88886666';
      const edited = { fileName: exported.fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };

      expect(await check(backend, edited)).toMatchObject({ errors: [], toCreate: 0, toUpdate: 1, unchanged: before.size - 1 });
      const result = await ask(backend, 'transfer/apply', { ...edited, goodRowsOnly: false });
      expect(result).toMatchObject({ written: 1, toUpdate: 1 });

      const after = await staffByNo(backend);
      for (const [no, person] of after) {
        if (no === employeeNo) expect(person).toMatchObject({ phone: '0571-88886666', version: before.get(no)!.version + 1 });
        else expect(person).toEqual(before.get(no));
      }
      const trail = await backend.context.session.use((db) => listAudit(db, 'staff', after.get(employeeNo)!.id));
      expect(trail.at(-1)).toMatchObject({ action: 'update', detail: { changed: ['phone'], importedFrom: exported.fileName } });
      expect(await check(backend, edited)).toMatchObject({ toUpdate: 0, unchanged: before.size });
    }));

  it('an exported CSV with one level raised updates that cell and records it in the skill history', () =>
    withBackend(async (backend) => {
      const exported = await ask(backend, 'transfer/export', { kind: 'skills', format: 'csv' });
      const rows = csvRows(exported);
      const index = rows.findIndex((row) => row[3] === '2');
      const [employeeNo, , postName] = rows[index]!;
      rows[index]![3] = '3';
      const edited = csvUpload(rows, exported.fileName, true);

      const result = await ask(backend, 'transfer/apply', { ...edited, goodRowsOnly: false });
      expect(result).toMatchObject({ errors: [], toUpdate: 1, toCreate: 0, written: 1, unchanged: rows.length - 2 });

      const { centre } = await centreOf(backend);
      const post = centre.posts.find((p) => p.nameZh === postName)!;
      const staffId = (await staffByNo(backend)).get(employeeNo!)!.id;
      const history = await ask(backend, 'skills/history', { staffId, postId: post.id });
      expect(history[0]).toMatchObject({ fromLevel: 2, toLevel: 3, note: `导入 ${exported.fileName}`, actor: 'dispatcher' });
      const matrix = await ask(backend, 'skills/matrix', {});
      expect(matrix.rows.find((row) => row.staffId === staffId)!.cells[String(post.id)]).toMatchObject({ level: 3 });
    }));

  it('writes one audit entry per import naming the file', () =>
    withBackend(async (backend) => {
      await ask(backend, 'transfer/apply', { ...csvUpload([STAFF_HEADER, newStaffRow()], '新人.csv'), goodRowsOnly: false });
      const entries = await backend.context.session.use((db) => db.all<{ action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE entity = 'import'"));
      expect(entries).toHaveLength(1);
      expect(entries[0]!.action).toBe('staff');
      expect(JSON.parse(entries[0]!.detail)).toMatchObject({ fileName: '新人.csv', created: 1, updated: 0 });
    }));
});

describe('transfer import of staff', () => {
  it('creates a new person from a row, placing them by zone name and post code', () =>
    withBackend(async (backend) => {
      const file = await xlsxUpload([STAFF_HEADER, newStaffRow()]);
      expect(await check(backend, file)).toMatchObject({ kind: 'staff', totalRows: 1, goodRows: 1, toCreate: 1, errors: [] });
      await ask(backend, 'transfer/apply', { ...file, goodRowsOnly: false });
      const { zone, post } = await centreOf(backend);
      expect((await staffByNo(backend)).get('N0001')).toMatchObject({ name: '导入员', homeZoneId: zone('TX').id, primaryPostId: post('TX-INTAKE').id, status: 'active' });
    }));

  it('records a departure from 状态 离职 with its date and reason', () =>
    withBackend(async (backend) => {
      const rows = csvRows(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' }));
      const current = rows.find((row) => row[6] === '在岗')!;
      current[6] = '离职';
      current[12] = TEST_TODAY;
      current[13] = '个人原因';
      const result = await ask(backend, 'transfer/apply', { ...csvUpload([STAFF_HEADER, current]), goodRowsOnly: false });
      expect(result).toMatchObject({ toUpdate: 1, written: 1 });
      expect((await staffByNo(backend)).get(current[0]!)).toMatchObject({ status: 'departed', leftOn: TEST_TODAY, leaveReason: '个人原因' });
    }));

  it('reports every broken rule of every row at its line and column', () =>
    withBackend(async (backend) => {
      const staff = await ask(backend, 'staff/list', {});
      const someone = await ask(backend, 'staff/get', { id: staff.find((row) => row.status === 'active')!.id });
      const badId = validResidentId('1990-01-01', 'F', '330106', '55').slice(0, 17) + 'Y';
      const rows = [
        STAFF_HEADER,
        newStaffRow(), // 2: good
        newStaffRow({ 工号: 'N0003', 所属区域: '火星' }), // 3
        newStaffRow({ 工号: 'N0004', 主岗位: 'XX-NOPE' }), // 4
        newStaffRow({ 工号: 'N0005', 入职日期: '2026-11-23' }), // 5
        newStaffRow({ 工号: 'N0006', 身份证号: someone.idNumber, 性别: someone.gender === 'F' ? '女' : '男' }), // 6
        newStaffRow({ 工号: 'n0003', 身份证号: validResidentId('1991-02-02', 'M', '330106', '11'), 性别: '男' }), // 7: case does not make it another number
        newStaffRow({ 工号: 'N0008', 状态: '离职' }), // 8
        newStaffRow({ 工号: 'N0009', 性别: 'X' }), // 9
        newStaffRow({ 工号: 'N0010', 主岗位: 'PJ-INTAKE' }), // 10
        newStaffRow({ 工号: 'N0011', 手机号: '12345' }), // 11
        newStaffRow({ 工号: 'N0012', 身份证号: badId }), // 12
        newStaffRow({ 工号: 'N0013', 周工时上限: '八十' }), // 13
      ];
      const report = await check(backend, csvUpload(rows));
      const { errors } = report;
      expect(report).toMatchObject({ totalRows: 12, toCreate: 1 });
      expectError(errors, 3, '所属区域', 'unknown_zone', '火星');
      expectError(errors, 4, '主岗位', 'unknown_post', 'XX-NOPE');
      expectError(errors, 5, '入职日期', 'bad_value', 'future_date');
      expectError(errors, 6, '身份证号', 'bad_value', 'taken');
      expectError(errors, 7, '工号', 'duplicate_employee_no', 'line 3');
      expectError(errors, 8, '离职日期', 'bad_value', 'required');
      expectError(errors, 8, '离职原因', 'bad_value', 'required');
      expectError(errors, 9, '性别', 'bad_value', 'invalid_value');
      expectError(errors, 10, '主岗位', 'bad_value', 'wrong_zone');
      expectError(errors, 11, '手机号', 'bad_value', 'format');
      expectError(errors, 12, '身份证号', 'bad_value', 'format');
      expectError(errors, 13, '周工时上限', 'bad_value', 'invalid_type');
      expect(new Set(errors.map((error) => error.line))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
      expect(report.goodRows).toBe(1);
    }));

  it('names a value as the file writes it: a gender that does not match the resident ID reads 男, not the code M', () =>
    withBackend(async (backend) => {
      const report = await check(backend, await xlsxUpload([STAFF_HEADER, newStaffRow({ 性别: '男' })]));
      expect(report.errors).toEqual([{ line: 2, column: '性别', problem: 'bad_value', detail: 'gender_mismatch: 男' }]);
    }));

  it('names a wrong resident ID check digit as a checksum problem', () =>
    withBackend(async (backend) => {
      const valid = validResidentId('1990-01-01', 'F', '330106', '55');
      const wrongDigit = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
      const report = await check(backend, await xlsxUpload([STAFF_HEADER, newStaffRow({ 身份证号: wrongDigit })]));
      expect(report.errors).toEqual([{ line: 2, column: '身份证号', problem: 'bad_value', detail: `checksum: ${wrongDigit}` }]);
    }));

  it('refuses to change a departed person, whose record is frozen', () =>
    withBackend(async (backend) => {
      const rows = csvRows(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' }));
      const departed = rows.find((row) => row[6] === '离职')!;
      departed[13] = '另有原因';
      const report = await check(backend, csvUpload([STAFF_HEADER, departed]));
      expectError(report.errors, 2, '状态', 'bad_value', 'departed');
    }));

  it('refuses a row whose 工号 is stored for someone else, naming both people, and changes nobody', () =>
    withBackend(async (backend) => {
      const rows = csvRows(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv', idNumbers: 'full' }));
      const stored = rows.find((row) => row[6] === '在岗')!;
      const [employeeNo, storedName, , , storedId] = stored;
      const strangerId = validResidentId('1993-04-09', 'M', '330106', '31');
      const stranger = [...stored];
      stranger[1] = '李新来';
      stranger[4] = strangerId;
      const before = await staffByNo(backend);
      const report = await check(backend, csvUpload([STAFF_HEADER, stranger]));
      expect(report).toMatchObject({ goodRows: 0, toUpdate: 0, updates: [] });
      expect(report.errors).toEqual([{
        line: 2,
        column: '工号',
        problem: 'identity_mismatch',
        detail: `工号 ${employeeNo} 已属于 ${storedName}（身份证 …${storedId!.slice(-4)}），本行是 李新来（…${strangerId.slice(-4)}）。如是同一人改名，请先在人员档案中修改。`,
        params: { employeeNo, storedName, storedId: storedId!.slice(-4), rowName: '李新来', rowId: strangerId.slice(-4) },
      }]);
      expect(report.errors[0]!.detail).not.toContain(storedId!.slice(0, 14));
      const refusal = await refused(backend, 'transfer/apply', { ...csvUpload([STAFF_HEADER, stranger]), goodRowsOnly: false });
      expect(refusal.code).toBe('invalid_argument');
      await ask(backend, 'transfer/apply', { ...csvUpload([STAFF_HEADER, stranger]), goodRowsOnly: true });
      expect(await staffByNo(backend)).toEqual(before);
    }));

  it('takes a row with the stored 工号 and resident ID but another name, or another resident ID, for someone else', () =>
    withBackend(async (backend) => {
      const rows = csvRows(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' }));
      const stored = rows.find((row) => row[6] === '在岗')!;
      const renamed = [...stored];
      renamed[1] = `${stored[1]}新`;
      const otherId = [...stored];
      otherId[4] = validResidentId('1993-04-09', stored[2] === '男' ? 'M' : 'F', '330106', '31');
      const report = await check(backend, csvUpload([STAFF_HEADER, renamed, otherId]));
      expectError(report.errors, 2, '工号', 'identity_mismatch', `本行是 ${stored[1]}新`);
      expectError(report.errors, 3, '工号', 'identity_mismatch', `已属于 ${stored[1]}`);
      expect(report.goodRows).toBe(0);
    }));

  it('lists each field an update changes, old → new in the file\'s words, before it is applied', () =>
    withBackend(async (backend) => {
      const rows = csvRows(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' }));
      const stored = rows.find((row) => row[6] === '在岗' && row[9] === '标准工时')!;
      const edited = [...stored];
      edited[3] = '0571-88886666';
      edited[9] = '综合工时';
      edited[11] = String(Number(stored[11]) + 1);
      const report = await check(backend, csvUpload([STAFF_HEADER, rows.slice(1).find((row) => row !== stored)!, edited]));
      expect(report).toMatchObject({ errors: [], toUpdate: 1, unchanged: 1 });
      expect(report.updates).toEqual([{
        line: 3,
        employeeNo: stored[0],
        name: stored[1],
        changes: [
          { column: '手机号', from: stored[3], to: '0571-88886666' },
          { column: '工时制', from: '标准工时', to: '综合工时' },
          { column: '薪级', from: stored[11], to: String(Number(stored[11]) + 1) },
        ],
      }]);
    }));

  it('names each required column a staff file lacks', () =>
    withBackend(async (backend) => {
      const header = STAFF_HEADER.filter((column) => column !== '手机号' && column !== '薪级');
      const report = await check(backend, csvUpload([header, header.map(() => 'x')]));
      expect(report.kind).toBe('staff');
      expect(report.errors).toEqual([
        { line: 1, column: '手机号', problem: 'missing_column', detail: '手机号' },
        { line: 1, column: '薪级', problem: 'missing_column', detail: '薪级' },
      ]);
    }));

  it('reports missing columns for a header it cannot place', () =>
    withBackend(async (backend) => {
      const report = await check(backend, csvUpload([['编号', '备注'], ['1', '2']]));
      expect(report.kind).toBeNull();
      expect(report.errors).toMatchObject([{ line: 1, problem: 'missing_column' }]);
      expect(report.errors[0]!.detail).toContain('身份证号');
    }));
});

describe('transfer import of skills', () => {
  it('reports every bad skills row at its line', () =>
    withBackend(async (backend) => {
      const [person, other] = (await ask(backend, 'staff/list', {})).filter((row) => row.status === 'active');
      const rows = [
        SKILL_HEADER,
        ['ZZ9999', '无此人', 'TX-INTAKE', '1', ''], // 2
        [person!.employeeNo, other!.name, 'TX-INTAKE', '1', ''], // 3
        [person!.employeeNo, person!.name, '不存在的岗位', '1', ''], // 4
        [person!.employeeNo, person!.name, 'TX-INTAKE', '4', ''], // 5
        [person!.employeeNo, person!.name, 'TX-REVIEW', '2', ''], // 6
        [person!.employeeNo, person!.name, 'TX-HANDOUT', '2', '2026-12-01'], // 7
        [person!.employeeNo, person!.name, 'LEAD', '1', ''], // 8
        [person!.employeeNo, person!.name, '值班长', '1', ''], // 9: the same post by name
        [person!.employeeNo, person!.name, 'PJ-INTAKE', '2', '2026/01/01'], // 10
      ];
      const { errors, goodRows } = await check(backend, await xlsxUpload(rows));
      expectError(errors, 2, '工号', 'unknown_employee', 'ZZ9999');
      expectError(errors, 3, '姓名', 'bad_value', other!.name);
      expectError(errors, 4, '岗位', 'unknown_skill', '不存在的岗位');
      expectError(errors, 5, '等级', 'bad_level', '4');
      expectError(errors, 6, '认证日期', 'bad_value', 'required');
      expectError(errors, 7, '认证日期', 'bad_value', 'future_date');
      expectError(errors, 9, '岗位', 'duplicate_row', 'line 8');
      expectError(errors, 10, '认证日期', 'bad_value', 'format');
      expect(errors.some((error) => error.line === 8)).toBe(false);
      expect(goodRows).toBe(1);
    }));

  it('creates a skill a person did not hold, by post name', () =>
    withBackend(async (backend) => {
      const matrix = await ask(backend, 'skills/matrix', {});
      const { post } = await centreOf(backend);
      const lead = post('LEAD');
      const row = matrix.rows.find((candidate) => candidate.cells[String(lead.id)] === undefined)!;
      const file = csvUpload([SKILL_HEADER, [row.employeeNo, row.name, '值班长', '2', '2026-10-01']]);
      expect(await ask(backend, 'transfer/apply', { ...file, goodRowsOnly: false })).toMatchObject({ toCreate: 1, written: 1 });
      const history = await ask(backend, 'skills/history', { staffId: row.staffId, postId: lead.id });
      expect(history).toMatchObject([{ fromLevel: 0, toLevel: 2, certifiedOn: '2026-10-01', note: '导入 upload.csv' }]);
    }));
});

describe('transfer apply is all or nothing', () => {
  const mixed = () => [
    STAFF_HEADER,
    newStaffRow({ 工号: 'N0101', 身份证号: validResidentId('1994-04-04', 'F', '330106', '21') }),
    newStaffRow({ 工号: 'N0102', 所属区域: '火星', 身份证号: validResidentId('1994-04-05', 'F', '330106', '22') }),
    newStaffRow({ 工号: 'N0103', 身份证号: validResidentId('1994-04-06', 'F', '330106', '23') }),
  ];

  it('refuses a file with any bad row and writes nothing', () =>
    withBackend(async (backend) => {
      const before = await ask(backend, 'staff/list', {});
      const error = await refused(backend, 'transfer/apply', { ...csvUpload(mixed()), goodRowsOnly: false });
      expect(error.code).toBe('invalid_argument');
      expect(await ask(backend, 'staff/list', {})).toEqual(before);
    }));

  it('imports only the good rows when asked to', () =>
    withBackend(async (backend) => {
      const before = await ask(backend, 'staff/list', {});
      const result = await ask(backend, 'transfer/apply', { ...csvUpload(mixed()), goodRowsOnly: true });
      expect(result).toMatchObject({ totalRows: 3, goodRows: 2, toCreate: 2, written: 2 });
      expectError(result.errors, 3, '所属区域', 'unknown_zone');
      const after = await staffByNo(backend);
      expect(after.size).toBe(before.length + 2);
      expect([after.has('N0101'), after.has('N0102'), after.has('N0103')]).toEqual([true, false, true]);
    }));

  it('catches two new people with one resident ID before writing either', () =>
    withBackend(async (backend) => {
      const before = await ask(backend, 'staff/list', {});
      const sameId = validResidentId('1994-04-04', 'F', '330106', '21');
      const rows = [STAFF_HEADER, newStaffRow({ 工号: 'N0201', 身份证号: sameId }), newStaffRow({ 工号: 'N0202', 身份证号: sameId })];
      const report = await check(backend, csvUpload(rows));
      expect(report.errors).toEqual([{ line: 3, column: '身份证号', problem: 'bad_value', detail: 'taken: line 2' }]);
      await refused(backend, 'transfer/apply', { ...csvUpload(rows), goodRowsOnly: false });
      expect(await ask(backend, 'staff/list', {})).toEqual(before);
    }));

  it('refuses a file whose header is wrong even with goodRowsOnly', () =>
    withBackend(async (backend) => {
      const error = await refused(backend, 'transfer/apply', { ...csvUpload([['工号', '等级'], ['a', '1']]), goodRowsOnly: true });
      expect(error.code).toBe('invalid_argument');
    }));
});

describe('transfer file types', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001', 'hex');

  it('rejects a PNG renamed .xlsx', () =>
    withBackend(async (backend) => {
      const report = await check(backend, { fileName: '人员档案.xlsx', base64: PNG.toString('base64') });
      expect(report).toMatchObject({ kind: null, totalRows: 0, errors: [{ line: 0, column: null, problem: 'wrong_file_type' }] });
    }));

  it('rejects random bytes named .csv', () =>
    withBackend(async (backend) => {
      let seed = 7;
      const random = Buffer.from(Array.from({ length: 512 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff));
      const report = await check(backend, { fileName: 'staff.csv', base64: random.toString('base64') });
      expect(report.errors).toMatchObject([{ line: 0, problem: 'wrong_file_type' }]);
    }));

  it('rejects a zip that is not a workbook, and a file that is neither xlsx nor csv by name', () =>
    withBackend(async (backend) => {
      const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
      expect((await check(backend, { fileName: 'a.xlsx', base64: zip.toString('base64') })).errors[0]!.problem).toBe('wrong_file_type');
      const csvText = csvUpload([SKILL_HEADER]).base64;
      expect((await check(backend, { fileName: 'skills.xls', base64: csvText })).errors[0]!.problem).toBe('wrong_file_type');
    }));

  it('reports an empty file: nothing at all, or a header and blank rows', () =>
    withBackend(async (backend) => {
      const blank = await check(backend, { fileName: 'empty.csv', base64: Buffer.from('\uFEFF').toString('base64') });
      expect(blank.errors).toMatchObject([{ line: 0, problem: 'empty_file' }]);
      const headerOnly = await check(backend, await xlsxUpload([STAFF_HEADER, [], STAFF_HEADER.map(() => '')]));
      expect(headerOnly).toMatchObject({ kind: 'staff', totalRows: 0, errors: [{ line: 0, problem: 'empty_file' }] });
      expect(await refused(backend, 'transfer/apply', { fileName: 'empty.csv', base64: Buffer.from('\uFEFF').toString('base64'), goodRowsOnly: true })).toMatchObject({ code: 'invalid_argument' });
    }));

  it('reads CSV with or without a BOM, and as saved by Excel on Chinese Windows (GB18030)', () =>
    withBackend(async (backend) => {
      const rows = [STAFF_HEADER, newStaffRow()];
      for (const file of [csvUpload(rows, 'a.csv', true), csvUpload(rows, 'a.csv', false)]) {
        expect(await check(backend, file)).toMatchObject({ errors: [], toCreate: 1 });
      }
      const gb18030 = gb18030Bytes(rows.map((row) => row.join(',')).join('\r\n'));
      expect(await check(backend, { fileName: 'a.csv', base64: gb18030.toString('base64') })).toMatchObject({ errors: [], toCreate: 1 });
    }));

  it('counts lines as Excel numbers rows, blank rows included', () =>
    withBackend(async (backend) => {
      const file = await xlsxUpload([STAFF_HEADER, newStaffRow(), [], newStaffRow({ 工号: 'N0009', 所属区域: '火星' })]);
      const report = await check(backend, file);
      expect(report.totalRows).toBe(2);
      expectError(report.errors, 4, '所属区域', 'unknown_zone');
    }));
});

/** GB18030 bytes of a text, via a code-point table built from Node's decoder (it has no encoder). */
function gb18030Bytes(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.from([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...(table.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

describe('参加工作日期 in staff files', () => {
  it('is exported, imported, cleared by an empty cell, and kept when the column is missing', () =>
    withBackend(async (backend) => {
      await ask(backend, 'transfer/apply', { ...csvUpload([STAFF_HEADER, newStaffRow({ 参加工作日期: '2015-07-01' })]), goodRowsOnly: false });
      const id = (await staffByNo(backend)).get('N0001')!.id;
      expect((await ask(backend, 'staff/get', { id })).workStartDate).toBe('2015-07-01');
      const exported = await rowsOf(await ask(backend, 'transfer/export', { kind: 'staff', format: 'csv' }), 'csv');
      const column = exported[0]!.indexOf('参加工作日期');
      expect(exported.find((row) => row[0] === 'N0001')?.[column]).toBe('2015-07-01');

      const withoutColumn = [STAFF_HEADER.slice(0, -1), newStaffRow().slice(0, -1)];
      const unchanged = await ask(backend, 'transfer/check', csvUpload(withoutColumn));
      expect(unchanged).toMatchObject({ errors: [], toUpdate: 0, unchanged: 1 });

      await ask(backend, 'transfer/apply', { ...csvUpload([STAFF_HEADER, newStaffRow({ 参加工作日期: '' })]), goodRowsOnly: false });
      expect((await ask(backend, 'staff/get', { id })).workStartDate).toBeNull();
    }));

  it('refuses a work start after the hire date', () =>
    withBackend(async (backend) => {
      const report = await ask(backend, 'transfer/check', csvUpload([STAFF_HEADER, newStaffRow({ 参加工作日期: '2026-06-01' })]));
      expect(report.errors.map((error) => [error.line, error.column])).toEqual([[2, '参加工作日期']]);
    }));
});
