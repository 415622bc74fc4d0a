import { test, expect } from './fixtures.ts';
import { RosterPage } from './pages/roster-page.ts';

// The frozen clock's Sunday; the toolbar offers the next week, Monday 23 November, by default.
const MONDAY = '2026-11-23';
// A small zone's intake: with everyone qualified away on Monday, the roster must leave it short.
const SHORT_POST = '农林水务收件';
// Long enough for HiGHS to find a roster while another test's solve shares the two cores.
const TIME_LIMIT = 15;

test('generates next week for the demo centre, shows its progress, then the draft’s coverage and gap reasons, and publishes it', async ({ page, host }) => {
  test.setTimeout(150_000);
  const roster = new RosterPage(page, host.url);
  const away = await roster.everyoneQualifiedAway(SHORT_POST, MONDAY);
  expect(away).toBeGreaterThan(0);
  const postId = await roster.postId(SHORT_POST);
  // A quiet Monday morning in Tax with two of its A people away: the forecast opens fewer windows than it has.
  await roster.quietMorning('TX', MONDAY);
  await roster.aPeopleAway('TX', MONDAY);
  await page.goto(host.url);
  await roster.open();
  await expect(page.getByLabel('周次')).toHaveValue(MONDAY);
  await roster.timeLimit(TIME_LIMIT);

  await roster.generateButton().click();
  await expect(roster.progress()).toBeVisible();
  await expect(roster.progress().getByTestId('solve-phase')).toHaveText(/^正在(排队|校验数据|建立模型|求解|核查排班规则|说明缺口原因|保存草稿)/);
  await expect(roster.progress().getByTestId('solve-elapsed')).toContainText(`/ ${TIME_LIMIT} 秒`);
  await expect(roster.progress().getByRole('progressbar')).toBeVisible();
  await roster.waitForDraft();

  await expect(roster.notice()).toContainText('已生成排班草稿：2026年11月23日–11月29日');
  await expect(roster.status()).toHaveText('草稿');
  await expect(roster.figure('engine')).not.toHaveText('—');
  await expect(roster.figure('solveStatus')).toHaveText(/^(最优|可行|超时)$/);
  await expect(roster.figure('unmet')).toHaveText(/^[1-9]\d* 人班$/);
  await expect(roster.figure('resilience')).toHaveText(/^\d+\.\d%$/);
  // Before publishing: what the client will see, per zone and for the centre.
  const projection = page.getByTestId('hall-projection');
  await expect(projection.getByRole('heading', { name: '客户将看到' })).toBeVisible();
  await expect(page.getByTestId('projected-rate')).toHaveText(/^预计在岗率（全中心）：\d+\.\d%，合同目标 \d+%$/);
  await expect(projection.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('projected-windows')).toHaveText(/^开放窗口（按预测）：\d+ \/ \d+ 个班次窗口有人$/);
  // A demand window the forecast leaves closed says why, in the client's words.
  const closed = page.getByTestId('projected-closed');
  await closed.locator('summary').click();
  await expect(closed.locator('li').filter({ hasText: '11月23日 周一 上午 F0' }).first()).toHaveText(/^11月23日 周一 上午 F\d{2}(、F\d{2})*：预计 08:30–12:00 办件 14 件，开 \d+ 个窗口即可$/);
  await expect(page.locator(`.roster-grid .ag-header-cell[col-id="${MONDAY}"]`)).toContainText('11/23 周一');
  await expect(roster.gridCell(0, 'name')).not.toBeEmpty();

  await roster.tab(/^覆盖情况/);
  const mondayMorning = await roster.coverageRowIndex(MONDAY, 'AM');
  await expect(roster.coverageCell(mondayMorning, postId)).toHaveAttribute('data-state', 'short');
  await expect(roster.coverageCell(mondayMorning, postId)).toHaveText(/^0\/[1-9]/);
  await expect(page.getByTestId('coverage-totals')).toHaveText(/不足 [1-9]\d* 个/);

  await roster.tab(/^缺口与原因（[1-9]\d*）$/);
  const gap = roster.gapRows().filter({ hasText: SHORT_POST }).first();
  await expect(gap.locator('[data-col="reason"]')).toContainText(`周一上午 ${SHORT_POST} 缺`);
  await expect(gap.locator('[data-col="reason"]')).toContainText('事假');

  await roster.publishButton().click();
  await expect(roster.status()).toHaveText('已发布');
  await expect(roster.notice()).toContainText('已发布排班：2026年11月23日–11月29日');
  await expect(roster.publishButton()).toHaveCount(0);
  await expect(projection).toHaveCount(0);
});

test('asks before a new draft replaces the published roster, and names the one it replaces', async ({ page, host }) => {
  test.setTimeout(180_000);
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  await roster.open();
  await roster.timeLimit(TIME_LIMIT);
  await roster.generateButton().click();
  await roster.waitForDraft();
  await roster.publishButton().click();
  await expect(roster.status()).toHaveText('已发布');

  await roster.generateButton().click();
  await roster.waitForDraft();
  await expect(roster.status()).toHaveText('草稿');
  await roster.publishButton().click();
  await expect(roster.replaceConfirm()).toBeVisible();
  await expect(roster.replaceConfirm()).toContainText('发布此草稿将替换以下 1 份已发布的排班');
  await expect(roster.replaceConfirm()).toContainText('2026年11月23日–11月29日');
  // Esc keeps the published roster: nothing is replaced, and focus goes back to 发布.
  await page.keyboard.press('Escape');
  await expect(roster.replaceConfirm()).toBeHidden();
  await expect(roster.status()).toHaveText('草稿');
  await expect(roster.publishButton()).toBeFocused();

  await roster.publishButton().click();
  await roster.replaceConfirm().getByRole('button', { name: '替换并发布' }).click();
  await expect(roster.replaceConfirm()).toBeHidden();
  await expect(roster.status()).toHaveText('已发布');
  await roster.tab(/^最近排班/);
  await expect(roster.recentRows()).toHaveCount(2);
  await expect(roster.recentRows().nth(0).locator('[data-col="status"]')).toHaveText('已发布');
  await expect(roster.recentRows().nth(1).locator('[data-col="status"]')).toHaveText('已被替换');
});

test('cancels a running solve with Esc or 取消, and nothing is saved', async ({ page, host }) => {
  test.setTimeout(90_000);
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  await roster.open();
  await roster.periodKind('月');
  await expect(page.getByLabel('月份')).toHaveValue('2026-12-01');
  await expect(page.getByLabel('月份').locator('option:checked')).toHaveText('2026年12月（31天）');
  // Every zone for a week with the full minute: long enough to be caught running.
  await roster.periodKind('周');
  await expect(page.getByLabel('周次')).toHaveValue(MONDAY);

  await roster.generateButton().focus();
  await page.keyboard.press('Enter');
  await expect(roster.progress()).toBeVisible();
  await expect(roster.progress().getByTestId('solve-phase')).toHaveText(/^正在/);
  await page.keyboard.press('Escape');
  await expect(roster.progress()).toBeHidden({ timeout: 15_000 });
  await expect(roster.notice()).toHaveText('已取消，未生成排班。');
  await expect(roster.generateButton()).toBeFocused();

  await roster.generateButton().click();
  await expect(roster.progress().getByTestId('solve-phase')).toHaveText('正在求解…', { timeout: 20_000 });
  await roster.progress().getByRole('button', { name: '取消' }).click();
  await expect(roster.progress()).toBeHidden({ timeout: 15_000 });
  await expect(roster.notice()).toHaveText('已取消，未生成排班。');
  await roster.tab(/^最近排班/);
  await expect(page.getByRole('tabpanel')).toContainText('还没有排班。');
});

test('imports a roster as a draft; when another is published over it meanwhile, 发布 asks before replacing that one', async ({ page, host }) => {
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  await roster.open();
  await roster.onlyZone('农林水务');
  await expect(page.locator('.zone-checklist summary')).toContainText('农林水务');
  // A file that keeps every hard rule: everyone present is seated (an empty roster breaks presence).
  const file = await roster.validRosterFile(['农林水务'], MONDAY);
  await roster.importRoster('roster.json', file);
  await expect(roster.notice()).toContainText('已导入排班草稿：2026年11月23日–11月29日');
  await expect(roster.status()).toHaveText('草稿');
  await expect(roster.figure('engine')).toHaveText('导入');

  const zoneId = (await roster.api<{ zones: { id: number; nameZh: string }[] }>('centre/get', {})).zones.find((zone) => zone.nameZh === '农林水务')?.id;
  const other = await roster.api<{ id: number }>('roster/importRoster', {
    from: MONDAY, days: 7, zoneIds: [zoneId], fileName: 'other.json', base64: Buffer.from(JSON.stringify(file)).toString('base64'),
  });
  await roster.api('roster/publish', { rosterId: other.id, replacePublished: false });

  await roster.publishButton().click();
  await expect(roster.replaceConfirm()).toContainText('发布此草稿将替换以下 1 份已发布的排班');
  await roster.replaceConfirm().getByRole('button', { name: '替换并发布' }).click();
  await expect(roster.status()).toHaveText('已发布');
});

test('refuses a roster file with every problem listed, each with its place in the file', async ({ page, host }) => {
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  await roster.open();
  await page.getByRole('button', { name: '导入排班' }).click();
  const dialog = page.getByRole('dialog', { name: '导入排班' });
  await expect(dialog).toContainText('导入到：第48周 · 2026年11月23日–11月29日 · 全部区域（7）');
  const file = {
    assignments: [
      { staff: '99999', date: MONDAY, shift: 'AM', post: '1' },
      { staff: '1', date: '2030-01-01', shift: 'XX', post: '1' },
    ],
  };
  await dialog.getByLabel('排班文件').setInputFiles({ name: 'roster.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  const problems = dialog.getByTestId('import-problems');
  await expect(problems).toContainText('文件未导入，共 3 处问题');
  await expect(problems.locator('li')).toHaveCount(3);
  await expect(problems.locator('li').nth(0)).toContainText('assignments[0].staff');
  await expect(problems.locator('li').nth(2)).toContainText('assignments[1].shift');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('exports the chosen week and zones as a scenario file', async ({ page, host }) => {
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  await roster.open();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出场景' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`排班场景-${MONDAY}.json`);
  const scenario = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as { start: string; days: number };
  expect(scenario.start).toBe(MONDAY);
  expect(scenario.days).toBe(7);
  await expect(roster.notice()).toContainText(`已导出场景文件 排班场景-${MONDAY}.json`);
});

test('a one-zone draft published over a two-zone roster replaces that zone’s days only, and says so before it does', async ({ page, host }) => {
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  test.setTimeout(120_000);
  const zones = (await roster.api<{ zones: { id: number; nameZh: string }[] }>('centre/get', {})).zones;
  // Two zones stand for the hall: enough to show that the other one stays.
  const both = ['农林水务', '公安司法'];
  const bothFile = await roster.validRosterFile(both, MONDAY);
  const zoneIds = both.map((name) => zones.find((zone) => zone.nameZh === name)!.id);
  const twoZones = { fileName: 'two.json', base64: Buffer.from(JSON.stringify(bothFile)).toString('base64') };
  const allZones = await roster.api<{ id: number }>('roster/importRoster', { from: MONDAY, days: 7, zoneIds, ...twoZones });
  await roster.api('roster/publish', { rosterId: allZones.id });

  const oneFile = await roster.validRosterFile(['农林水务'], MONDAY);
  await roster.open();
  await roster.onlyZone('农林水务');
  await roster.importRoster('one-zone.json', oneFile);
  await roster.publishButton().click();
  await expect(roster.replaceConfirm()).toContainText(`排班 #${allZones.id}`);
  await expect(roster.replaceConfirm()).toContainText('只替换 农林水务 在 2026年11月23日–11月29日 的排班；其余区域和日期照旧生效。');
  await roster.replaceConfirm().getByRole('button', { name: '替换并发布' }).click();
  await expect(roster.status()).toHaveText('已发布');

  // Both stand: the new one for 农林水务, the two-zone one for 公安司法.
  await roster.tab(/^最近排班/);
  await expect(roster.recentRows()).toHaveCount(2);
  await expect(roster.recentRows().locator('[data-col="status"]')).toHaveText(['已发布', '已发布']);
});
