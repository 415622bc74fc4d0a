/**
 * Figures for the README: how long the backend takes to start and to answer the staff area.
 * A script that prints numbers, never a timed assertion (machines differ).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Backend } from '../../electron/backend/backend.ts';
import { openBackend } from '../../electron/backend/backend.ts';
import { sessionCookie } from './signed-in.ts';
import { setUpDispatcher, signedIn } from '../support/backend.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import { startBrowserHost } from '../../electron/serve/server.ts';
import { insertStaff } from '../../data/repositories/staff.ts';
import { residentIdCheckChar } from '../../electron/contract/rules.ts';

const clock = fixedClock('2026-11-22T10:00:00');

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push((await timed(work))[1]);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Opening is timed on its own; signing in (a deliberately slow password hash) comes after. */
function open(dataDir: string): Promise<Backend> {
  return openBackend({ host: 'browser', appVersion: 'bench', dataDir, clock });
}

async function signIn(backend: Backend): Promise<Backend> {
  return signedIn(backend, await setUpDispatcher(backend));
}

async function addStaff(backend: Backend, count: number): Promise<void> {
  await backend.context.session.use((db) =>
    db.transaction(async (tx) => {
      for (let i = 0; i < count; i += 1) {
        const first17 = `330106${1980 + Math.floor(i / 1000)}0101${String(i % 1000).padStart(3, '0')}`;
        await insertStaff(tx, {
          employeeNo: `BX${String(i).padStart(5, '0')}`, name: `压测${i}`, gender: Number(first17[16]) % 2 ? 'M' : 'F', phone: `139${String(i).padStart(8, '0')}`,
          idNumber: first17 + residentIdCheckChar(first17), hireDate: '2024-01-01', status: 'active', homeZoneId: 1 + (i % 6),
          primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 1,
        }, clock.now().toISOString());
      }
    }),
  );
}

const format = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'hall-roster-bench-'));
  try {
    const [opened, firstStart] = await timed(() => open(dir));
    const first = await signIn(opened);
    const demoCount = (await first.dispatch('staff/list', {}) as { value: unknown[] }).value.length;
    await first.close();
    const [reopened, restart] = await timed(() => open(dir));
    const second = await signIn(reopened);
    const listDemo = await median(30, () => second.dispatch('staff/list', {}));
    await addStaff(second, 2000);
    const bigCount = (await second.dispatch('staff/list', {}) as { value: unknown[] }).value.length;
    const listBig = await median(15, () => second.dispatch('staff/list', {}));
    await second.close();

    const host = await startBrowserHost({ port: 0, dataDir: dir, staticDir: dir, clock });
    const cookie = await sessionCookie(host.url);
    const overHttp = await median(30, () =>
      fetch(`${host.url}api/staff%2Flist`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' }).then((r) => r.json()),
    );
    await host.close();

    const rows: [string, number][] = [
      [`first start (migrate + demo centre, ${demoCount} staff)`, firstStart],
      ['restart (startup backup + migration check)', restart],
      [`staff/list, ${demoCount} staff, in process`, listDemo],
      [`staff/list, ${bigCount} staff, in process`, listBig],
      [`staff/list, ${bigCount} staff, over the browser host's HTTP`, overHttp],
    ];
    for (const [label, ms] of rows) console.log(`${label.padEnd(58)} ${format(ms)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
