import { test, expect } from './fixtures.ts';
import { SkillsPage } from './pages/skills-page.ts';

test('sets levels from the keyboard and keeps each cell\'s history', async ({ page, host, shell }) => {
  void shell;
  const skills = new SkillsPage(page, host.url);
  await skills.open();
  // Hand-out of the first zone: a column on screen, and the first person (of the desk) lacks it.
  const postId = await skills.postId('公安司法出件');
  const cell = skills.skillCell(0, postId);
  await expect(cell).toHaveText('');
  const mastered = Number(await skills.cell(0, 'mastered').textContent());
  await cell.click();
  await page.keyboard.press('1');
  await expect(cell).toHaveText('学习中');
  await page.keyboard.press('2');
  await expect(cell).toHaveText('独立上岗');
  await expect(skills.cell(0, 'mastered')).toHaveText(String(mastered + 1));
  await expect(skills.detail().getByRole('list', { name: '变更记录' }).getByRole('listitem')).toHaveCount(2);
  await expect(skills.detail()).toContainText('学习中 → 独立上岗');
  await page.reload();
  await skills.open();
  await expect(skills.skillCell(0, postId)).toHaveText('独立上岗');
});

test('filters the matrix by zone and by people below two posts', async ({ page, host, shell }) => {
  void shell;
  const skills = new SkillsPage(page, host.url);
  await skills.open();
  await page.getByRole('toolbar', { name: '技能矩阵' }).getByLabel('区域').selectOption({ label: '税务' });
  await expect(skills.cell(0, 'homeZone')).toHaveText('税务');
  await page.getByLabel('只看未达 2 岗的人员').check();
  const count = await page.locator('.ag-row:has(.ag-cell[col-id="homeZone"])').count();
  for (let row = 0; row < count; row += 1) expect(Number(await skills.cell(row, 'mastered').textContent())).toBeLessThan(2);
});

test('closes a single point of failure: certify a second person and make them B', async ({ page, host, shell }) => {
  void shell;
  const skills = new SkillsPage(page, host.url);
  await skills.open();
  await expect(skills.card('skillGaps')).toHaveText('1');
  await expect(page.getByRole('region', { name: '人员储备概况' })).toContainText('公安司法出件（1）');
  const handout = await skills.postId('公安司法出件');
  await page.getByRole('toolbar', { name: '技能矩阵' }).getByLabel('区域').selectOption({ label: '公安司法' });
  // The first person of the zone who does not hold the skill yet.
  let row = 0;
  while ((await skills.skillCell(row, handout).textContent()) !== '') row += 1;
  const name = (await skills.cell(row, 'name').textContent()) ?? '';
  await skills.skillCell(row, handout).click();
  await page.keyboard.press('2');
  await expect(skills.card('skillGaps')).toHaveText('0');
  await skills.tab(/A\/B 岗/);
  const window = skills.abRow('A06');
  await expect(window).toContainText('未指定 B 岗');
  const bSeat = window.getByRole('combobox', { name: /B$/ });
  const value = await bSeat.locator('option', { hasText: name }).getAttribute('value');
  await bSeat.selectOption(value ?? '');
  await expect(page.getByRole('status').first()).toContainText('已更新');
  await expect(window).not.toContainText('未指定 B 岗');
  await expect(skills.card('abProblems')).toHaveText('0');
});

test('warns before a departure that leaves a window without its A person', async ({ page, host, shell, staff }) => {
  void shell;
  const abList = await page.request.post(`${host.url}api/ab%2Flist`, { data: {} });
  const seats = (await abList.json()) as { value: { windowId: number; aStaffId: number | null }[] };
  const aPerson = seats.value.find((seat) => seat.aStaffId !== null)!.aStaffId!;
  const person = (await (await page.request.post(`${host.url}api/staff%2Fget`, { data: { id: aPerson } })).json()) as { value: { employeeNo: string } };
  await staff.select(person.value.employeeNo);
  await page.getByRole('button', { name: '办理离职' }).click();
  await expect(staff.dialog().getByRole('note')).toContainText('A/B 岗');
  await expect(staff.dialog().getByRole('note')).toContainText(' A');
});

test('makes a cross-training plan, shows why, and records it when accepted', async ({ page, host, shell }) => {
  void shell;
  const skills = new SkillsPage(page, host.url);
  await skills.open();
  await skills.tab(/交叉培训计划/);
  await page.getByRole('button', { name: '生成培训计划' }).click();
  await expect(page.getByTestId('plan-summary')).toContainText(/共 \d+ 项培训/);
  const table = page.getByRole('table', { name: '交叉培训计划' });
  const lines = await table.locator('tbody tr').count();
  expect(lines).toBeGreaterThan(10);
  await expect(table.locator('tbody tr').first()).toContainText(/目标 2/);
  await expect(page.getByRole('heading', { name: '无法达标的项目' })).toHaveCount(0);
  // Leave one line out, then accept the rest.
  await table.locator('tbody tr').first().getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: `接受计划（${lines - 1} 项）` }).click();
  await expect(page.getByRole('status').first()).toContainText(`已记录 ${lines - 1} 项培训`);
  await skills.tab(/技能矩阵/);
  // The grid draws only the columns in view: scroll across until a recorded trainee's cell shows.
  const learner = page.locator('.ag-cell.level-1').first();
  const across = page.locator('.ag-body-horizontal-scroll-viewport').first();
  for (let step = 0; step < 20 && !(await learner.isVisible()); step += 1) {
    await across.evaluate((element) => element.scrollBy({ left: 400 }));
    await page.waitForTimeout(100);
  }
  await expect(learner).toBeVisible();
});
