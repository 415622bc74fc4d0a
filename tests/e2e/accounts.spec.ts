import type { Browser, Page } from '@playwright/test';
import { test, expect, E2E_DISPATCHER } from './fixtures.ts';
import { BoardPage } from './pages/board-page.ts';
import { RosterPage } from './pages/roster-page.ts';

const ZONE = '农林水务';

/** A second desktop of the hall: its own browser context (its own cookie), signed in through the screen. */
async function hallDesktop(browser: Browser, url: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(url);
  await signInThroughScreen(page, username, password);
  return page;
}

async function signInThroughScreen(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel(/^用户名/).fill(username);
  await page.getByLabel(/^密码/).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('account-menu')).toBeVisible();
}

/** An account made by the dispatcher through 设置 → 账号与权限. */
async function createAccount(page: Page, account: { username: string; name: string; role: '班组长' | '只读'; zone?: string; password: string }): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新增账号' });
  await dialog.getByLabel(/^用户名/).fill(account.username);
  await dialog.getByLabel(/^姓名/).fill(account.name);
  await dialog.getByLabel('角色').selectOption({ label: account.role });
  if (account.zone) await dialog.getByRole('checkbox', { name: account.zone }).check();
  await dialog.getByLabel(/^新密码/).fill(account.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('accounts').locator(`tr[data-username="${account.username}"]`)).toContainText(account.role);
}

test.describe('a new installation', () => {
  test.use({ firstRun: true });

  test('asks for the dispatcher account first, then signs in and out; a wrong password is refused in plain words', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: '首次使用：创建调度员账号' })).toBeVisible();
    await page.getByLabel(/^用户名/).fill('hr.zhang');
    await page.getByLabel(/^姓名/).fill('张调度');
    await page.getByLabel(/^新密码/).fill('short');
    await page.getByLabel(/^再次输入新密码/).fill('short');
    await page.getByRole('button', { name: '创建并登录' }).click();
    await expect(page.locator('.field-invalid')).toContainText('至少 8 位');
    await page.getByLabel(/^新密码/).fill('zhang-2026');
    await page.getByLabel(/^再次输入新密码/).fill('zhang-2026');
    await page.getByRole('button', { name: '创建并登录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('今日概览');
    await expect(page.getByTestId('account-menu')).toContainText('张调度 · 调度员');

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await page.getByLabel(/^用户名/).fill('hr.zhang');
    await page.getByLabel(/^密码/).fill('wrong-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('用户名或密码不正确');
    await signInThroughScreen(page, 'hr.zhang', 'zhang-2026');
    // A reload keeps the session (the cookie), and opens on the overview again.
    await page.reload();
    await expect(page.getByTestId('account-menu')).toContainText('张调度');
  });
});

test('a shift lead made by the dispatcher sees the hall’s rosters, edits their own zone’s, and has no staff records to change or costs to see', async ({ page, host, browser }) => {
  test.setTimeout(150_000);
  const roster = new RosterPage(page, host.url);
  await page.goto(host.url);
  await createAccount(page, { username: 'lead.wang', name: '王班长', role: '班组长', zone: ZONE, password: 'wang-2026x' });
  await createAccount(page, { username: 'client.li', name: '李监督', role: '只读', password: 'li-2026xx' });
  // A roster of the lead's zone and another: the other zone's people are on it, not the lead's to move.
  const pair = [ZONE, '公安司法'];
  const file = await roster.validRosterFile(pair, '2026-11-23');
  const zones = (await roster.api<{ zones: { id: number; nameZh: string }[] }>('centre/get', {})).zones;
  const twoZones = await roster.api<{ id: number }>('roster/importRoster', {
    from: '2026-11-23', days: 7, zoneIds: pair.map((name) => zones.find((zone) => zone.nameZh === name)!.id),
    fileName: 'two-zones.json', base64: Buffer.from(JSON.stringify(file)).toString('base64'),
  });
  await roster.api('roster/publish', { rosterId: twoZones.id });

  const lead = await hallDesktop(browser, host.url, 'lead.wang', 'wang-2026x');
  await expect(lead.getByTestId('account-menu')).toContainText('王班长 · 班组长');
  await lead.getByRole('navigation').getByRole('button', { name: '人员档案' }).click();
  await expect(lead.getByTestId('read-only')).toBeVisible();
  await expect(lead.getByRole('button', { name: '新增人员' })).toHaveCount(0);
  await lead.getByRole('navigation').getByRole('button', { name: '报表' }).click();
  await expect(lead.getByRole('tab', { name: '月度报告' })).toBeVisible();
  await expect(lead.getByRole('tab', { name: '成本', exact: true })).toHaveCount(0);
  await lead.getByRole('navigation').getByRole('button', { name: '排班' }).click();
  await expect(lead.getByRole('button', { name: '生成排班', exact: true })).toHaveCount(0);
  // The published roster is there to open, on the board, editable for this lead.
  await lead.getByRole('tab', { name: /^最近排班/ }).click();
  await lead.locator('.recent-table tbody tr').first().getByRole('button', { name: /^打开/ }).click();
  await expect(new BoardPage(lead).board()).toBeVisible();
  await expect(new BoardPage(lead).button('标记缺勤')).toBeEnabled();
  // Someone of another zone on the same roster: the lead sees their row greyed and cannot open it.
  const [published] = await roster.api<{ id: number }[]>('roster/list', {});
  const state = await roster.api<{ people: { name: string; homeZoneId: number | null }[]; zones: { id: number; nameZh: string }[]; days: { date: string }[] }>('board/get', { rosterId: published!.id });
  const zoneId = state.zones.find((zone) => zone.nameZh === ZONE)!.id;
  const unique = (person: { name: string }) => state.people.filter((other) => other.name === person.name).length === 1;
  const outsider = state.people.find((person) => person.homeZoneId !== zoneId && unique(person))!;
  const insider = state.people.find((person) => person.homeZoneId === zoneId && unique(person))!;
  const leadBoard = new BoardPage(lead);
  await leadBoard.view('按人员');
  const day = state.days[2]!.date;
  const rowOf = async (name: string) => {
    const row = leadBoard.grid('person').locator('.ag-row').filter({ has: lead.locator('.ag-cell[col-id="name"]', { hasText: new RegExp(`^${name}$`) }) });
    await expect(row).toHaveCount(1);
    return Number(await row.getAttribute('row-index'));
  };
  const outsiderRow = await rowOf(outsider.name);
  const insiderRow = await rowOf(insider.name);
  expect(insiderRow).not.toBe(outsiderRow);
  await expect(leadBoard.cell('person', outsiderRow, day)).toHaveClass(/cell-locked/);
  await expect(leadBoard.cell('person', insiderRow, day)).not.toHaveClass(/cell-locked/);
  await leadBoard.press('person', outsiderRow, day, 'Enter');
  await expect(leadBoard.editor()).toHaveCount(0);

  // The client's supervisor may look at the same board, but not change it.
  const viewer = await hallDesktop(browser, host.url, 'client.li', 'li-2026xx');
  await expect(viewer.getByRole('navigation').getByRole('button', { name: '请假考勤' })).toHaveCount(0);
  await viewer.getByRole('navigation').getByRole('button', { name: '排班' }).click();
  await viewer.getByRole('tab', { name: /^最近排班/ }).click();
  await viewer.locator('.recent-table tbody tr').first().getByRole('button', { name: /^打开/ }).click();
  await expect(new BoardPage(viewer).board()).toBeVisible();
  await expect(new BoardPage(viewer).button('标记缺勤')).toBeDisabled();
  await lead.context().close();
  await viewer.context().close();
});

test('a change made on one desktop shows on another within seconds, without a reload', async ({ page, host, browser }) => {
  test.setTimeout(150_000);
  const roster = new RosterPage(page, host.url);
  const board = new BoardPage(page);
  await page.goto(host.url);
  await roster.generateZoneWeek(ZONE);
  await expect(board.board()).toBeVisible();
  await board.view('按窗口');

  // The same dispatcher account on a second desktop, with the same draft open.
  const other = await hallDesktop(browser, host.url, E2E_DISPATCHER.username, E2E_DISPATCHER.password);
  const otherBoard = new BoardPage(other);
  await other.getByRole('navigation').getByRole('button', { name: '排班' }).click();
  await other.getByRole('tab', { name: /^最近排班/ }).click();
  await other.locator('.recent-table tbody tr').first().getByRole('button', { name: /^打开/ }).click();
  await expect(otherBoard.board()).toBeVisible();
  await otherBoard.view('按窗口');

  // A lead changes it from a third desktop: a new account, as the hall would have.
  const leadPage = await (async () => {
    await createAccount(page, { username: 'lead.zhou', name: '周班长', role: '班组长', zone: ZONE, password: 'zhou-2026x' });
    return hallDesktop(browser, host.url, 'lead.zhou', 'zhou-2026x');
  })();
  const [newest] = await roster.api<{ id: number }[]>('roster/list', {});
  const state = await roster.api<{ duties: { staffId: number; date: string; shiftCode: string; postId: number }[]; people: { staffId: number; homeZoneId: number | null }[]; posts: { id: number; zoneId: number | null }[]; zones: { id: number; nameZh: string }[] }>('board/get', { rosterId: newest!.id });
  // A duty the lead answers for: a person of the zone at a post of the zone (others on the roster are not theirs to move).
  const zoneId = state.zones.find((zone) => zone.nameZh === ZONE)!.id;
  const ours = (candidate: { staffId: number; postId: number }) => state.people.find((p) => p.staffId === candidate.staffId)?.homeZoneId === zoneId && state.posts.find((p) => p.id === candidate.postId)?.zoneId === zoneId;
  const duty = state.duties.find((candidate) => candidate.date >= '2026-11-23' && ours(candidate))!;
  const response = await leadPage.request.post(`${host.url}api/board%2Fedit`, {
    data: { rosterId: newest!.id, ops: [{ staffId: duty.staffId, date: duty.date, shiftCode: duty.shiftCode, postId: null, expectedPostId: duty.postId }], reason: '临时调往咨询台',
      // Taking someone off a working day's duty breaks presence: the lead accepts it in writing.
      overrideReason: '咨询台排队，临时支援，经调度员同意' },
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  await expect(otherBoard.notice()).toContainText('lead.zhou 刚刚修改了此排班，已刷新。', { timeout: 10_000 });
  await other.context().close();
  await leadPage.context().close();
});

test('the dispatcher shares the data over HTTPS on a network address; a hall desktop opens it there and signs in', async ({ page, host, browser }) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '局域网共享' }).or(page.locator('section', { has: page.getByRole('heading', { name: '局域网共享' }) }));
  await expect(section.getByTestId('sharing-status')).toHaveText('共享未开启：只有本机可以访问。');
  // 127.0.0.2 stands in for the LAN card: another address of this machine than the host's own.
  await section.getByLabel('网络地址').evaluate((select: HTMLSelectElement) => {
    const option = document.createElement('option');
    option.value = '127.0.0.2';
    option.textContent = '127.0.0.2';
    select.append(option);
  });
  await section.getByLabel('网络地址').selectOption('127.0.0.2');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  await section.getByLabel('端口').fill(String(port));
  await section.getByRole('button', { name: '开启共享' }).click();
  await expect(section.getByTestId('sharing-status')).toContainText(`https://127.0.0.2:${port}/`);
  const fingerprint = (await section.getByTestId('sharing-fingerprint').textContent()) ?? '';
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  const hall = await hallDesktop(browser, `https://127.0.0.2:${port}/`, E2E_DISPATCHER.username, E2E_DISPATCHER.password);
  await expect(hall.getByRole('heading', { level: 1 })).toHaveText('今日概览');
  await hall.context().close();

  await section.getByRole('button', { name: '关闭共享' }).click();
  await expect(section.getByTestId('sharing-status')).toHaveText('共享未开启：只有本机可以访问。');
});
