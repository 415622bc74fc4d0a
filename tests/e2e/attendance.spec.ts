import { spawnSync } from 'node:child_process';
import { test, expect } from './fixtures.ts';
import { validResidentId } from '../support/people.ts';
import { AttendancePage } from './pages/attendance-page.ts';
import { ReportsPage } from './pages/reports-page.ts';

interface Envelope<T> {
  ok: boolean;
  value: T;
}

test('imports a punch file through the screen and shows it in the month sheet', async ({ page, host, shell }) => {
  void shell;
  const api = async <T>(channel: string, argument: unknown): Promise<T> => {
    const response = await page.request.post(`${host.url}api/${channel}`, { data: argument });
    const envelope = (await response.json()) as Envelope<T>;
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    return envelope.value;
  };
  const info = await api<{ today: string }>('app/info', {});
  const [year, month] = info.today.split('-').map(Number) as [number, number];
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const yearMonth = `${previous.year}-${String(previous.month).padStart(2, '0')}`;
  // A person of our own, hired at the start of last month, so the demo's punches do not mix in.
  await api('staff/create', {
    staff: {
      employeeNo: 'E2E01', name: '打卡测试', gender: 'F', phone: '13800138000', idNumber: validResidentId('1995-06-15', 'F'), hireDate: `${yearMonth}-01`,
      status: 'active', homeZoneId: 1, primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 2,
    },
  });
  const sheet = await api<{ days: { date: string; kind: string }[] }>('attendance/month', previous);
  const [first, second] = sheet.days.filter((day) => day.kind === 'workday' || day.kind === 'makeup').map((day) => day.date) as [string, string];

  const attendance = new AttendancePage(page);
  await attendance.open();
  await attendance.tab('打卡记录');
  const csv = [
    '工号,打卡时间,设备',
    `E2E01,${first} 08:21:10,大厅1号机`, `E2E01,${first} 12:02,大厅1号机`, `E2E01,${first} 13:25,大厅1号机`, `E2E01,${first} 17:36,大厅1号机`,
    `E2E01,${second} 08:52,大厅1号机`, `E2E01,${second} 12:01,大厅1号机`, `E2E01,${second} 13:24,大厅1号机`, `E2E01,${second} 17:31,大厅1号机`,
    `E2E01,${second} 17:31:40,大厅1号机`,
    `NOBODY,${second} 08:00,大厅1号机`,
  ].join('\n');
  await attendance.importPunches('考勤机导出.csv', csv);
  await expect(attendance.dialog().getByTestId('punch-import-summary')).toHaveText('共 10 行：可导入 8 条，问题 2 处。');
  await expect(attendance.dialog()).toContainText('重复打卡');
  await expect(attendance.dialog()).toContainText('工号不存在');
  await expect(attendance.dialog().getByRole('button', { name: '全部导入' })).toBeDisabled();
  await attendance.dialog().getByRole('button', { name: '只导入无误的 8 条' }).click();
  await expect(attendance.dialog()).toBeHidden();
  await expect(page.getByRole('status').first()).toHaveText('已导入 8 条打卡记录。');

  await attendance.tab('月度考勤表');
  await attendance.showMonth(yearMonth);
  const row = await attendance.rowIndexOf('E2E01');
  await expect(attendance.dayCell(row, first)).toHaveText('√');
  await expect(attendance.dayCell(row, second)).toHaveText('迟');
  await expect(attendance.totalCell(row, 'worked')).toHaveText('2');
  await expect(attendance.totalCell(row, 'late')).toHaveText('1');

  // A correction with its reason, from the day's cell.
  await attendance.dayCell(row, second).getByRole('button').click();
  await expect(attendance.dialog()).toContainText('08:52');
  await attendance.dialog().getByLabel('更正为').selectOption('on_time');
  await attendance.dialog().getByLabel('更正原因（必填）').fill('地铁故障，有证明');
  await attendance.dialog().getByRole('button', { name: '保存更正' }).click();
  await expect(attendance.dialog()).toContainText('地铁故障，有证明');
  await attendance.dialog().getByRole('button', { name: '关闭' }).click();
  await expect(attendance.dayCell(row, second)).toHaveText('√');
  await expect(attendance.totalCell(row, 'late')).toHaveText('');
});

test('shows the on-duty rate of a month per zone and for the centre', async ({ page, shell }) => {
  void shell;
  const attendance = new AttendancePage(page);
  await attendance.open();
  await attendance.tab('在岗率');
  await expect(page.getByTestId('duty-centre')).toContainText('%');
});

test('prints the monthly sheet on A4 landscape: the header on every page, signed off at each foot', async ({ page, shell }, testInfo) => {
  void shell;
  const attendance = new AttendancePage(page);
  await attendance.open();
  await attendance.tab('月度考勤表');
  await expect(attendance.sheet().locator('tbody tr').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('sheet.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', landscape: true, printBackground: true });
  const text = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  const pages = text.stdout.split('\f').filter((content) => content.trim() !== '');
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]).toMatch(/示范市政务服务中心 \d{4}年\d{1,2}月考勤表/);
  for (const content of pages) {
    expect(content).toContain('工号');
    expect(content).toContain('制表');
    expect(content).not.toContain('人员档案');
  }
  const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).stdout;
  expect(info).toMatch(/Page size:\s+842\.\d+ x 595\.\d+ pts \(A4\)/);
});

test('a dispatcher approves a person’s punch overtime on the overtime screen, and the hours report pays it', async ({ page, host }) => {
  test.setTimeout(90_000);
  const api = async <T>(channel: string, argument: unknown): Promise<T> => {
    const response = await page.request.post(`${host.url}api/${channel}`, { data: argument });
    const envelope = (await response.json()) as Envelope<T>;
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    return envelope.value;
  };
  // A person of our own (no roster: the default day, 08:30–12:00 and 13:30–17:30), out at 19:05 on
  // Thursday 12 November: 95 minutes past the end, 90 in half-hour blocks; 450 + 90 = 540, 60 at 150%.
  await api('staff/create', {
    staff: {
      employeeNo: 'E2E07', name: '加班测试', gender: 'F', phone: '13800138000', idNumber: validResidentId('1995-06-15', 'F'), hireDate: '2026-11-01',
      status: 'active', homeZoneId: 1, primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 2,
    },
  });
  const csv = ['工号,打卡时间,设备', ...['08:25', '12:01', '13:25', '19:05'].map((time) => `E2E07,2026-11-12 ${time}:00,大厅1号机`)].join('\r\n') + '\r\n';
  await api('punches/apply', { fileName: 'late.csv', base64: Buffer.from(csv, 'utf8').toString('base64'), goodRowsOnly: false });
  const paidOvertime = async () => (await api<{ rows: { employeeNo: string; overtime150Minutes: number }[] }>('reports/hours', { year: 2026, month: 11 })).rows.find((row) => row.employeeNo === 'E2E07')!.overtime150Minutes;
  expect(await paidOvertime()).toBe(0);

  const reports = new ReportsPage(page);
  await page.goto(host.url);
  await reports.open();
  await reports.tab('工时与加班');
  const summary = page.getByTestId('hours-summary');
  await expect(summary).toHaveText(/加班合计 \d+\.\d 小时/);
  const before = Number(/加班合计 (\d+\.\d) 小时/.exec((await summary.textContent()) ?? '')![1]);
  // Not silently dropped either: the report says how much waits, and where.
  await expect(page.getByTestId('hours-unapproved')).toContainText('待审批，未计入本表（请假考勤 → 加班审批）');

  const attendance = new AttendancePage(page);
  await attendance.open();
  await attendance.tab('加班审批');
  const waiting = attendance.overtimeRow('waiting', 'E2E07', '2026-11-12');
  await expect(waiting).toContainText('1.5');
  await expect(waiting).toContainText('打卡：下班晚于班次结束');
  await waiting.getByRole('button', { name: '批准' }).click();
  await expect(page.locator('.attendance-area .notice')).toHaveText('已批准 加班测试 2026-11-12 的加班。');
  await expect(waiting).toHaveCount(0);
  await expect(attendance.overtimeRow('decided', 'E2E07', '2026-11-12')).toContainText('已批准');

  await reports.open();
  await reports.tab('工时与加班');
  await expect(summary).toHaveText(new RegExp(`加班合计 ${(before + 1).toFixed(1)} 小时`));
  expect(await paidOvertime()).toBe(60);
});
