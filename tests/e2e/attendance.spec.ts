import { spawnSync } from 'node:child_process';
import { test, expect } from './fixtures.ts';
import { validResidentId } from '../support/people.ts';
import { AttendancePage } from './pages/attendance-page.ts';

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
