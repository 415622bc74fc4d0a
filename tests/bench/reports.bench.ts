/**
 * Figures for the README: how long the reports take on the demo centre (123 staff, a month and a
 * half of punches) with the frozen clock's November, and on the centre grown to 300 staff. Each
 * call goes through the backend's dispatch in process. A script that prints numbers, never a timed
 * assertion (machines differ).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Backend } from '../../electron/backend/backend.ts';
import { openSignedInBackend } from './signed-in.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import { insertStaff } from '../../data/repositories/staff.ts';
import { residentIdCheckChar } from '../../electron/contract/rules.ts';

const clock = fixedClock('2026-11-22T10:00:00');
const MONTH = { year: 2026, month: 11 };

async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    const envelope = (await work()) as { ok: boolean; error?: { message: string } };
    if (!envelope.ok) throw new Error(envelope.error?.message ?? 'refused');
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** People hired on 1 March, so their months before it cost nothing and their November is whole. */
async function addStaff(backend: Backend, count: number): Promise<void> {
  await backend.context.session.use((db) =>
    db.transaction(async (tx) => {
      for (let i = 0; i < count; i += 1) {
        const first17 = `330106${1985 + Math.floor(i / 1000)}0101${String(i % 1000).padStart(3, '0')}`;
        await insertStaff(tx, {
          employeeNo: `RB${String(i).padStart(5, '0')}`, name: `报表${i}`, gender: Number(first17[16]) % 2 ? 'M' : 'F', phone: `138${String(i).padStart(8, '0')}`,
          idNumber: first17 + residentIdCheckChar(first17), hireDate: '2026-03-01', status: 'active', homeZoneId: 1 + (i % 6),
          primaryPostId: null, contractType: i % 4 === 0 ? 'comprehensive' : 'standard', weeklyHourCap: 40, wageGrade: 1 + (i % 6),
        }, clock.now().toISOString());
      }
    }),
  );
}

async function measure(backend: Backend, label: string): Promise<[string, number][]> {
  const call = (channel: string, argument: unknown) => () => backend.dispatch(channel, argument);
  return [
    [`${label}: reports/client (November)`, await median(5, call('reports/client', MONTH))],
    [`${label}: reports/hours (November)`, await median(5, call('reports/hours', MONTH))],
    [`${label}: cost/month (November, year to date: 11 months)`, await median(3, call('cost/month', MONTH))],
    [`${label}: cost/export (the workbook)`, await median(3, call('cost/export', MONTH))],
    [`${label}: cost/whatIf (4 weeks)`, await median(3, call('cost/whatIf', { weeks: 4 }))],
    [`${label}: dashboard/today`, await median(5, call('dashboard/today', {}))],
  ];
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'hall-roster-reports-bench-'));
  try {
    const backend = await openSignedInBackend({ host: 'browser', appVersion: 'bench', dataDir: dir, clock });
    const rows = await measure(backend, 'demo (123 staff)');
    const staff = (await backend.dispatch('staff/list', {})) as { value: { status: string }[] };
    await addStaff(backend, 300 - staff.value.filter((person) => person.status !== 'departed').length);
    rows.push(...(await measure(backend, '300 staff')));
    await backend.close();
    console.log('Reports (median, in process)');
    for (const [name, ms] of rows) console.log(`${name.padEnd(66)} ${ms.toFixed(0)} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
