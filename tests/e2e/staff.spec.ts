import { test, expect } from './fixtures.ts';
import { validResidentId } from '../support/people.ts';

const newPerson = {
  '^工号': 'ZW0999',
  '^姓名': '林晓燕',
  '^手机号': '13912345678',
  '^身份证号': validResidentId('1998-04-12', 'F'),
  '^所属区域': '税务',
  '^主岗位': '税务收件',
};

function byPattern(values: Record<string, string>): Record<string, string> {
  return values;
}

test('opens in Chinese on the demo centre, employed staff listed', async ({ page, shell, staff }) => {
  await expect(shell.heading()).toHaveText('人员档案');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('banner')).toContainText('示范市政务服务中心');
  await expect(staff.count()).toHaveText(/^共 1\d\d 人（全部 1\d\d 人）$/);
  await expect(staff.cell(0, 'employeeNo')).toHaveText('ZW0001');
  await expect(staff.cell(0, 'idNumber')).toHaveText(/^\d{2}\*{12}[\dX]{4}$/);
});

test('creates a staff member', async ({ page, staff }) => {
  const before = await staff.count().textContent();
  await page.getByRole('button', { name: '新增人员' }).click();
  await expect(staff.dialog()).toBeVisible();
  for (const [label, value] of Object.entries(byPattern(newPerson))) {
    const field = staff.dialog().getByLabel(new RegExp(label));
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
  await staff.save();
  await expect(staff.dialog()).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('已新增：林晓燕（ZW0999）');
  await expect(staff.count()).not.toHaveText(before ?? '');
  await staff.search('ZW0999');
  await expect(staff.cell(0, 'name')).toHaveText('林晓燕');
  await expect(staff.cell(0, 'homeZone')).toHaveText('税务');
  await expect(staff.cell(0, 'status')).toHaveText('试用');
});

test('shows each field\'s error, keeps the form open and writes nothing', async ({ page, staff }) => {
  const before = await staff.count().textContent();
  await page.getByRole('button', { name: '新增人员' }).click();
  const goodId = validResidentId('1998-04-12', 'F');
  const badChecksum = goodId.slice(0, 17) + (goodId.endsWith('1') ? '2' : '1');
  await staff.dialog().getByLabel(/^工号/).fill('ZW0001');
  await staff.dialog().getByLabel(/^姓名/).fill('错误示例');
  await staff.dialog().getByLabel(/^手机号/).fill('12345');
  await staff.dialog().getByLabel(/^身份证号/).fill(badChecksum);
  await staff.save();
  await expect(staff.dialog().getByRole('alert').first()).toContainText('请更正标出的');
  await expect(staff.fieldError(/^手机号/)).toContainText('请输入 11 位手机号');
  await expect(staff.fieldError(/^身份证号/)).toContainText('校验位不正确');
  await expect(staff.dialog().getByLabel(/^手机号/)).toHaveAttribute('aria-invalid', 'true');
  // Fix the formats: the rules that need the database now speak.
  await staff.dialog().getByLabel(/^手机号/).fill('13912345678');
  await staff.dialog().getByLabel(/^身份证号/).fill(goodId);
  await staff.dialog().getByLabel(/^所属区域/).selectOption({ label: '税务' });
  await staff.save();
  await expect(staff.fieldError(/^工号/)).toContainText('该工号已被使用');
  await expect(staff.fieldError(/^手机号/)).toHaveCount(0);
  await staff.dialog().getByRole('button', { name: '取消' }).click();
  await expect(staff.count()).toHaveText(before ?? '');
});

test('edits a staff member from the keyboard', async ({ page, staff }) => {
  await staff.select('ZW0002');
  const name = (await staff.cell(0, 'name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(staff.dialog()).toBeVisible();
  await expect(staff.dialog().getByRole('heading')).toHaveText(`编辑人员：${name}`);
  await staff.dialog().getByLabel(/^手机号/).fill('0571-88886666');
  await staff.save();
  await expect(staff.dialog()).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(`已保存：${name}`);
  await expect(staff.cell(0, 'phone')).toHaveText('0571-88886666');
});

test('records a departure with a date, keeping the record', async ({ page, staff }) => {
  await staff.select('ZW0003');
  const name = (await staff.cell(0, 'name').textContent()) ?? '';
  await page.getByRole('button', { name: '办理离职' }).click();
  await staff.dialog().getByLabel(/^离职原因/).fill('个人原因辞职');
  await staff.dialog().getByRole('button', { name: '确认离职' }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`已办理离职：${name}`);
  await expect(staff.rows()).toHaveCount(0);
  await staff.filterStatus('离职');
  await expect(staff.rows()).toHaveCount(1);
  await expect(staff.cell(0, 'status')).toHaveText('离职');
  await expect(staff.cell(0, 'leftOn')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('button', { name: '编辑' })).toBeDisabled();
});

test('searches and filters by zone and status', async ({ staff }) => {
  await staff.filterZone('税务');
  const count = await staff.rows().count();
  expect(count).toBeGreaterThan(5);
  for (let row = 0; row < Math.min(count, 8); row += 1) await expect(staff.cell(row, 'homeZone')).toHaveText('税务');
  await staff.filterStatus('试用');
  const onProbation = await staff.rows().count();
  for (let row = 0; row < onProbation; row += 1) await expect(staff.cell(row, 'status')).toHaveText('试用');
  await staff.filterZone('全部区域');
  await staff.filterStatus('全部');
  await staff.search('不存在的人');
  await expect(staff.rows()).toHaveCount(0);
});
