import { expect, type Locator, type Page } from '@playwright/test';

interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { message: string };
}

/** 排班 as a user reaches it; grid cells by row index and column id, coverage cells by day, shift and post. */
export class RosterPage {
  constructor(
    readonly page: Page,
    private readonly hostUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '排班' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: '排班' })).toBeVisible();
  }

  /** The backend directly, for what a test prepares rather than what it tests. */
  async api<T>(channel: string, argument: unknown): Promise<T> {
    const response = await this.page.request.post(`${this.hostUrl}api/${encodeURIComponent(channel)}`, { data: argument });
    const envelope = (await response.json()) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message ?? 'refused'}`);
    return envelope.value;
  }

  /**
   * A roster file that keeps every hard rule (presence, seats) for these zones and the week from
   * `from`: solved through the backend, read back, and its draft discarded, so a test can import it.
   */
  async validRosterFile(zoneNames: string[], from: string, timeLimitSeconds = 10): Promise<{ assignments: unknown[] }> {
    const zones = (await this.api<{ zones: { id: number; nameZh: string }[] }>('centre/get', {})).zones;
    const zoneIds = zoneNames.map((name) => zones.find((zone) => zone.nameZh === name)!.id);
    let job = await this.api<{ jobId: string; state: string; rosterId: number | null; error: string | null }>('roster/solveStart', { from, days: 7, zoneIds, timeLimitSeconds });
    for (let i = 0; job.state === 'running' && i < 1200; i += 1) {
      await this.page.waitForTimeout(250);
      job = await this.api('roster/solveProgress', { jobId: job.jobId });
    }
    if (job.rosterId === null) throw new Error(`no roster for ${zoneNames.join('、')}: ${job.error ?? job.state}`);
    const view = await this.api<{ assignments: { staffId: number; date: string; shiftCode: string; postId: number; learner: boolean; windowId: number | null }[] }>('roster/get', { rosterId: job.rosterId });
    await this.api('roster/discard', { rosterId: job.rosterId });
    return {
      assignments: view.assignments.map((duty) => ({
        staff: String(duty.staffId), date: duty.date, shift: duty.shiftCode, post: String(duty.postId),
        ...(duty.learner ? { learner: true } : {}), ...(duty.windowId === null ? {} : { window: String(duty.windowId) }),
      })),
    };
  }

  async postId(nameZh: string): Promise<number> {
    const centre = await this.api<{ posts: { id: number; nameZh: string }[] }>('centre/get', {});
    const post = centre.posts.find((candidate) => candidate.nameZh === nameZh);
    if (!post) throw new Error(`no post named ${nameZh}`);
    return post.id;
  }

  /** Everyone qualified for the post on approved personal leave that day, so the roster cannot fill it. */
  async everyoneQualifiedAway(postNameZh: string, date: string): Promise<number> {
    const postId = await this.postId(postNameZh);
    const matrix = await this.api<{ rows: { staffId: number; status: string; cells: Record<string, { level: number }> }[] }>('skills/matrix', {});
    const qualified = matrix.rows.filter((row) => row.status !== 'departed' && (row.cells[String(postId)]?.level ?? 0) >= 2);
    for (const row of qualified) {
      const request = await this.api<{ id: number; version: number }>('leave/request', {
        staffId: row.staffId, type: 'personal', from: date, to: date, part: 'full', reason: '家中有事', acknowledgeConflicts: true,
      });
      await this.api('leave/decide', { id: request.id, version: request.version, decision: 'approved', acknowledgeConflicts: true });
    }
    return qualified.length;
  }

  /** A quiet morning forecast for a zone (a few tickets each half-hour), entered as the demand area's override. */
  async quietMorning(zoneCode: string, date: string): Promise<void> {
    const zone = (await this.api<{ zones: { id: number; code: string }[] }>('centre/get', {})).zones.find((candidate) => candidate.code === zoneCode)!;
    for (let slot = 17; slot < 24; slot += 1) await this.api('demand/override', { zoneId: zone.id, date, slot, arrivals: 2, reason: '上级检查，窗口暂停取号' });
  }

  /**
   * The A people of a zone's first windows on leave that day: a window whose A is present opens
   * whatever the forecast (rule 12), so only these are left to the forecast to open or close.
   */
  async aPeopleAway(zoneCode: string, date: string, windows = 2): Promise<void> {
    const centre = await this.api<{ zones: { id: number; code: string }[]; windows: { id: number; zoneId: number; kind: string }[] }>('centre/get', {});
    const zone = centre.zones.find((candidate) => candidate.code === zoneCode)!;
    const own = new Set(centre.windows.filter((w) => w.zoneId === zone.id && w.kind === 'window').map((w) => w.id));
    const seats = (await this.api<{ windowId: number; aStaffId: number | null }[]>('ab/list', {})).filter((ab) => own.has(ab.windowId) && ab.aStaffId !== null).slice(0, windows);
    for (const seat of seats) {
      const request = await this.api<{ id: number; version: number }>('leave/request', {
        staffId: seat.aStaffId, type: 'annual', from: date, to: date, part: 'full', reason: '年假', acknowledgeConflicts: true,
      });
      await this.api('leave/decide', { id: request.id, version: request.version, decision: 'approved', acknowledgeConflicts: true });
    }
  }

  /** A week of one zone generated through the toolbar as a dispatcher does, ending on its draft. */
  async generateZoneWeek(zone: string, timeLimit = 10): Promise<void> {
    await this.open();
    await this.onlyZone(zone);
    await this.timeLimit(timeLimit);
    await this.generateButton().click();
    await this.waitForDraft();
  }

  /** Only the named zones, chosen in the toolbar's checklist. */
  async onlyZone(name: string): Promise<void> {
    await this.page.locator('.zone-checklist summary').click();
    await this.page.getByRole('button', { name: '清空' }).click();
    await this.page.getByRole('checkbox', { name }).check();
    await this.page.keyboard.press('Escape');
  }

  async importRoster(fileName: string, content: unknown): Promise<void> {
    await this.page.getByRole('button', { name: '导入排班' }).click();
    const dialog = this.page.getByRole('dialog', { name: '导入排班' });
    await dialog.getByLabel('排班文件').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async periodKind(name: '周' | '月'): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
  }

  async timeLimit(seconds: number): Promise<void> {
    await this.page.getByLabel('求解时限').fill(String(seconds));
  }

  generateButton(): Locator {
    return this.page.getByRole('button', { name: '生成排班', exact: true });
  }

  progress(): Locator {
    return this.page.getByRole('dialog', { name: /^生成排班：/ });
  }

  /** Waits for the solve to end and the draft to be shown; a solve runs to its time limit and a little over. */
  async waitForDraft(timeout = 90_000): Promise<void> {
    const failure = this.progress().getByRole('alert');
    // A failed solve keeps its dialog open with the reason: say it, rather than time out.
    const state = async () => ((await failure.isVisible()) ? `failed: ${await failure.textContent()}` : (await this.progress().isVisible()) ? 'running' : 'ended');
    await expect.poll(state, { timeout, intervals: [500] }).toBe('ended');
    await expect(this.summary()).toBeVisible();
  }

  summary(): Locator {
    return this.page.getByTestId('roster-summary');
  }

  status(): Locator {
    return this.page.getByTestId('roster-status');
  }

  figure(key: 'engine' | 'solveStatus' | 'seconds' | 'gap' | 'unmet' | 'resilience'): Locator {
    return this.page.getByTestId(`summary-${key}`).locator('dd');
  }

  /** The area's own notice line (the board inside it has one of its own). */
  notice(): Locator {
    return this.page.locator('.roster-area > .notice');
  }

  async tab(name: RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  gridCell(rowIndex: number, colId: string): Locator {
    return this.page.locator(`.roster-grid .ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
  }

  coverageTable(): Locator {
    return this.page.locator('table.coverage-table');
  }

  async coverageRowIndex(date: string, shiftCode: string): Promise<number> {
    const row = this.coverageTable().locator(`tbody tr[data-date="${date}"][data-shift="${shiftCode}"]`);
    await expect(row).toBeVisible();
    return Number(await row.getAttribute('data-row-index'));
  }

  coverageCell(rowIndex: number, postId: number): Locator {
    return this.coverageTable().locator(`tbody tr[data-row-index="${rowIndex}"] td[data-col="post-${postId}"]`);
  }

  gapRows(): Locator {
    return this.page.locator('table.gap-table tbody tr');
  }

  publishButton(): Locator {
    return this.summary().getByRole('button', { name: '发布' });
  }

  replaceConfirm(): Locator {
    return this.page.getByRole('dialog', { name: '替换已发布的排班？' });
  }

  recentRows(): Locator {
    return this.page.locator('table.recent-table tbody tr');
  }
}
