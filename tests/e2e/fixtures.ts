import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { StaffPage } from './pages/staff-page.ts';
import { AppShell } from './pages/app-shell.ts';
import { SettingsPage } from './pages/settings-page.ts';

/** The hall's clock in every end-to-end test: the same Sunday as the unit tests use. */
export const E2E_NOW = '2026-11-22T10:00:00';

export interface HostProcess {
  url: string;
  dataDir: string;
}

/** The dispatcher every test's host is set up with; a test of the first-run step asks for none. */
export const E2E_DISPATCHER = { username: 'dispatcher', displayName: '人事调度', password: 'dispatch-2026' } as const;

async function post(url: string, channel: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}api/${encodeURIComponent(channel)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const envelope = (await response.json()) as { ok: boolean; error?: unknown };
  if (!envelope.ok) throw new Error(`${channel} refused: ${JSON.stringify(envelope.error)}`);
}

/** Starts the real browser host, as `npm run serve` does, on a free port and a new data folder. */
async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/serve/server.mjs'], {
    // A fixed day, so the tests mean the same in December as in November (2027 has no notice yet).
    env: { ...process.env, PORT: '0', HALL_ROSTER_DATA_DIR: dataDir, HALL_ROSTER_CLOCK: E2E_NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

export const test = base.extend<{ firstRun: boolean; host: HostProcess; shell: AppShell; staff: StaffPage; settings: SettingsPage }>({
  /** True: the host starts with no account at all, as a new installation does. */
  firstRun: [false, { option: true }],
  host: async ({ firstRun }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-e2e-'));
    const { url, child } = await startHost(dataDir);
    if (!firstRun) await post(url, 'auth/setup', E2E_DISPATCHER);
    await use({ url, dataDir });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A host that will not stop is a bug worth seeing, but it must not hang the suite.
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
    await rm(dataDir, { recursive: true, force: true });
  },
  // Every page of a test is signed in as the dispatcher (the cookie is the browser context's),
  // unless the test is about signing in.
  context: async ({ context, host, firstRun }, use) => {
    if (!firstRun) {
      const response = await context.request.post(`${host.url}api/auth%2FsignIn`, { data: { username: E2E_DISPATCHER.username, password: E2E_DISPATCHER.password } });
      if (!((await response.json()) as { ok: boolean }).ok) throw new Error('the e2e dispatcher could not sign in');
    }
    await use(context);
  },
  shell: async ({ page, host }, use) => {
    const shell = new AppShell(page, host.url);
    await shell.open();
    await use(shell);
  },
  staff: async ({ page, shell }, use) => {
    // The app opens on 今日概览; the staff records are one click away, as a dispatcher reaches them.
    await shell.goTo('人员档案');
    const staff = new StaffPage(page);
    await staff.waitForList();
    await use(staff);
  },
  settings: async ({ page, shell }, use) => {
    void shell;
    await use(new SettingsPage(page));
  },
});

export { expect } from '@playwright/test';
