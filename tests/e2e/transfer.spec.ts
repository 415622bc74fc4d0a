import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { SkillsPage } from './pages/skills-page.ts';

test('exports staff to Excel and imports the same file back unchanged', async ({ page, staff }) => {
  const { download, bytes } = await staff.exportStaff('Excel', 'masked');
  expect(download.suggestedFilename()).toMatch(/^人员档案-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('button', { name: '导入…' }).click();
  await staff.dialog().getByLabel('选择 Excel（.xlsx）或 CSV 文件').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await expect(staff.dialog().getByTestId('import-summary')).toContainText(/0 处错误；将新增 0 条、更新 0 条/);
  await staff.dialog().getByRole('button', { name: '导入', exact: true }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(page.getByRole('status').first()).toHaveText('文件内容与现有数据相同，无需导入。');
});

test('lists every bad row of a skills file and imports only the good rows when asked', async ({ page, host, shell }) => {
  void shell;
  const skills = new SkillsPage(page, host.url);
  await skills.open();
  const name0 = (await skills.cell(0, 'name').textContent()) ?? '';
  const no0 = (await skills.cell(0, 'employeeNo').textContent()) ?? '';
  const csv = [
    '工号,姓名,岗位,等级,认证日期',
    `${no0},${name0},公安司法出件,2,2026-11-01`,
    `ZZ9999,无此人,公安司法出件,2,2026-11-01`,
    `${no0},${name0},不存在的技能,2,2026-11-01`,
    `${no0},${name0},税务收件,7,2026-11-01`,
  ].join('\n');
  await page.getByRole('button', { name: '导入…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('选择 Excel（.xlsx）或 CSV 文件').setInputFiles({ name: 'skills.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const errors = dialog.getByRole('table', { name: '错误明细' });
  await expect(errors.locator('tbody tr')).toHaveCount(3);
  await expect(errors.locator('tbody tr').nth(0)).toContainText('3');
  await expect(errors).toContainText('工号不存在');
  await expect(errors).toContainText('技能不存在');
  await expect(errors).toContainText('等级应为 0–3');
  await expect(dialog.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: '仅导入无误的 1 行' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText('已导入：写入 1 条');
  const postId = await skills.postId('公安司法出件');
  await expect(skills.skillCell(0, postId)).toHaveText('独立上岗');
});

test('refuses a file that is not a spreadsheet, saying so', async ({ page, staff }) => {
  await page.getByRole('button', { name: '导入…' }).click();
  await staff.dialog().getByLabel('选择 Excel（.xlsx）或 CSV 文件').setInputFiles({ name: 'photo.xlsx', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) });
  await expect(staff.dialog().getByRole('table', { name: '错误明细' })).toContainText('文件类型不对');
  await expect(staff.dialog().getByRole('table', { name: '错误明细' })).not.toContainText('wrong_file_type');
  await expect(staff.dialog().getByRole('button', { name: '导入', exact: true })).toBeDisabled();
});

test('downloads a template for each kind and format', async ({ page, staff }) => {
  void staff;
  for (const [label, pattern] of [['Excel 模板', /\.xlsx$/], ['CSV 模板', /\.csv$/]] as const) {
    await page.locator('summary', { hasText: '下载模板' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    expect(download.suggestedFilename()).toMatch(pattern);
    const text = (await readFile((await download.path())!)).toString('utf8');
    if (label === 'CSV 模板') expect(text).toContain('工号,姓名,性别,手机号,身份证号');
  }
});

test('puts each broken rule of a staff row into words, with the line it refers to', async ({ page, staff }) => {
  const csv = [
    '工号,姓名,性别,手机号,身份证号,入职日期,状态,所属区域,主岗位,工时制,周工时上限,薪级,离职日期,离职原因',
    'ZW0900,王一,女,13800000000,330106199001010020,2025-01-01,在岗,税务,税务收件,标准工时,40,2,,',
    'ZW0900,王二,女,13800000001,330106199001010020,2025-01-01,在岗,税务,税务收件,标准工时,40,2,,',
  ].join('\n');
  await page.getByRole('button', { name: '导入…' }).click();
  await staff.dialog().getByLabel('选择 Excel（.xlsx）或 CSV 文件').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const errors = staff.dialog().getByRole('table', { name: '错误明细' });
  await expect(errors).toContainText('校验位不正确');
  await expect(errors).toContainText('第 2 行');
  await expect(errors).not.toContainText('checksum:');
});

/** A CSV export read back as rows (our exports quote nothing in the demo centre's staff data). */
function csvRows(bytes: Buffer): string[][] {
  return bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '').map((line) => line.split(','));
}

test('asks before a staff export what the file will hold, masks resident IDs unless full ones are chosen, and cancels cleanly', async ({ page, staff }) => {
  const masked = csvRows((await staff.exportStaff('CSV', 'masked')).bytes);
  const full = csvRows((await staff.exportStaff('CSV', 'full')).bytes);
  expect(masked.length).toBe(full.length);
  expect(masked.length).toBeGreaterThan(100);
  const idColumn = masked[0]!.indexOf('身份证号');
  for (const [index, row] of masked.slice(1).entries()) {
    const id = full[index + 1]![idColumn]!;
    expect(id).toMatch(/^\d{17}[\dX]$/);
    expect(row[idColumn]).toBe(`${id.slice(0, 2)}************${id.slice(-4)}`);
  }
  await page.locator('summary', { hasText: '导出' }).click();
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const confirm = page.getByRole('dialog', { name: '导出人员档案' });
  await expect(confirm).toContainText(`导出文件将包含 ${masked.length - 1} 人的身份证号、手机号、薪级和离职原因`);
  let downloaded = false;
  page.on('download', () => void (downloaded = true));
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  expect(downloaded).toBe(false);
});

test('refuses a staff row whose 工号 belongs to someone else, naming both people, and lists an update field by field before importing it', async ({ page, staff }) => {
  const rows = csvRows((await staff.exportStaff('CSV', 'full')).bytes);
  const [header, ...people] = rows;
  const col = (name: string) => header!.indexOf(name);
  const [first, second] = people.filter((row) => row[col('状态')] === '在岗');
  // 工号 of the first person, name and resident ID of the second: someone else, not an update.
  const stranger = [...first!];
  stranger[col('姓名')] = second![col('姓名')]!;
  stranger[col('身份证号')] = second![col('身份证号')]!;
  stranger[col('性别')] = second![col('性别')]!;
  const csv = (lines: string[][]) => Buffer.from([header!, ...lines].map((line) => line.join(',')).join('\n'));
  await staff.importFile('stranger.csv', csv([stranger]));
  const errors = staff.dialog().getByRole('table', { name: '错误明细' });
  const firstId = first![col('身份证号')]!;
  const secondId = second![col('身份证号')]!;
  await expect(errors).toContainText('工号属于另一人');
  await expect(errors).toContainText(
    `工号 ${first![col('工号')]} 已属于 ${first![col('姓名')]}（身份证 …${firstId.slice(-4)}），本行是 ${second![col('姓名')]}（…${secondId.slice(-4)}）。如是同一人改名，请先在人员档案中修改。`,
  );
  await expect(errors).not.toContainText(firstId);
  await expect(errors).not.toContainText('identity_mismatch');
  await expect(staff.dialog().getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await staff.dialog().getByRole('button', { name: '取消' }).click();

  // The first person with a new phone number and a pay grade up: each change is listed before 导入.
  const edited = [...first!];
  edited[col('手机号')] = '0571-88886666';
  edited[col('薪级')] = String(Number(first![col('薪级')]) + 1);
  await staff.importFile('edited.csv', csv([edited]));
  await expect(staff.dialog().getByTestId('import-summary')).toContainText('更新 1 条');
  const updates = staff.dialog().getByTestId('import-updates');
  await expect(updates).toContainText(`第 2 行 ${first![col('姓名')]}（${first![col('工号')]}）`);
  await expect(updates).toContainText(`手机号：${first![col('手机号')]} → 0571-88886666`);
  await expect(updates).toContainText(`薪级：${first![col('薪级')]} → ${edited[col('薪级')]}`);
  await expect(updates.locator('li li')).toHaveCount(2);
  await staff.dialog().getByRole('button', { name: '导入', exact: true }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText('已导入：写入 1 条');
});
