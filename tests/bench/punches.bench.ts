/**
 * Figure for the README: checking and importing a month-and-a-half of a big hall's attendance
 * machine, 50,000 punches in one CSV (the issue asks for under 5 seconds). Prints, never asserts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSignedInBackend } from './signed-in.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import { insertStaff } from '../../data/repositories/staff.ts';
import { residentIdCheckChar } from '../../electron/contract/rules.ts';
import { loadCalendar } from '../../electron/backend/calendar-service.ts';
import { isWorkingKind } from '../../solver/calendar/china-calendar.ts';

const clock = fixedClock('2026-11-22T10:00:00');
const PEOPLE = 250;
const TARGET = 50_000;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'hall-roster-bench-'));
  const backend = await openSignedInBackend({ host: 'browser', appVersion: 'bench', dataDir: dir, clock });
  try {
    const workingDays = await backend.context.session.use(async (db) => {
      await db.transaction(async (tx) => {
        for (let i = 0; i < PEOPLE; i += 1) {
          const first17 = `33010619900101${String(i).padStart(3, '0')}`;
          await insertStaff(tx, {
            employeeNo: `PB${String(i).padStart(4, '0')}`, name: `打卡${i}`, gender: Number(first17[16]) % 2 ? 'M' : 'F', phone: `139${String(i).padStart(8, '0')}`,
            idNumber: first17 + residentIdCheckChar(first17), hireDate: '2025-01-01', status: 'active', homeZoneId: 1 + (i % 6),
            primaryPostId: null, contractType: 'standard', weeklyHourCap: 40, wageGrade: 1,
          }, clock.now().toISOString());
        }
      });
      const calendar = await loadCalendar(db, '2026-08-01', '2026-11-21');
      return [...calendar.days.values()].filter((day) => isWorkingKind(day.kind)).map((day) => day.date).sort();
    });
    const lines = ['工号,打卡时间,设备'];
    const times = ['08:2', '12:0', '13:2', '17:3'];
    for (const date of workingDays) {
      for (let i = 0; i < PEOPLE && lines.length <= TARGET; i += 1) {
        for (const time of times) lines.push(`PB${String(i).padStart(4, '0')},${date} ${time}${i % 10}:${String(i % 60).padStart(2, '0')},大厅${1 + (i % 3)}号机`);
      }
      if (lines.length > TARGET) break;
    }
    const csv = lines.slice(0, TARGET + 1).join('\r\n');
    const file = { fileName: 'bench.csv', base64: Buffer.from(csv, 'utf8').toString('base64') };

    let start = performance.now();
    const check = (await backend.dispatch('punches/check', file)) as { ok: boolean; value: { goodRows: number; errors: unknown[] } };
    const checkMs = performance.now() - start;
    start = performance.now();
    const apply = (await backend.dispatch('punches/apply', { ...file, goodRowsOnly: false })) as { ok: boolean; value: { written: number } };
    const applyMs = performance.now() - start;
    if (!check.ok || !apply.ok) throw new Error(`bench import failed: ${JSON.stringify(check).slice(0, 300)} ${JSON.stringify(apply).slice(0, 300)}`);
    start = performance.now();
    await backend.dispatch('attendance/month', { year: 2026, month: 10 });
    const monthMs = performance.now() - start;
    const rows: [string, number][] = [
      [`punches/check, ${check.value.goodRows} good rows`, checkMs],
      [`punches/apply, ${apply.value.written} written (plans again, then inserts)`, applyMs],
      ['check + apply', checkMs + applyMs],
      [`attendance/month, October, ${PEOPLE} + demo staff`, monthMs],
    ];
    for (const [label, ms] of rows) console.log(`${label.padEnd(58)} ${ms.toFixed(1)} ms`);
  } finally {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
