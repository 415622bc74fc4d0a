/**
 * The process the crash test kills: opens the backend on a data folder, says READY, does one
 * operation, says DONE. Bundled by tests/support/crash-bundle.ts and run with plain node.
 * argv: <operation> <dataDir> [backup file name]
 */
import type { Database } from '../../data/connection.ts';
import { openBackend } from '../../electron/backend/backend.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import { insertPunches } from '../../data/repositories/attendance.ts';
import { listStaff } from '../../data/repositories/staff.ts';
import { insertDraftRoster, publishRoster } from '../../data/repositories/roster.ts';

export const CRASH_PUNCHES = 50_000;
export const CRASH_WEEK = { from: '2026-11-23', to: '2026-11-29' } as const;

async function main(): Promise<void> {
  const [operation, dataDir, fileName] = process.argv.slice(2);
  if (!operation || !dataDir) throw new Error('usage: crash-child <operation> <dataDir> [file]');
  const backend = await openBackend({
    host: 'browser', appVersion: '0.0.0-crash', dataDir, keepBackups: 1000, clock: fixedClock('2026-11-22T10:00:00'), logError: () => undefined, authPolicy: { scryptCost: 2 ** 10 },
  });
  const { session } = backend.context;
  // The backend started on whatever the last kill left; its accounts must still sign in.
  const signIn = await backend.dispatch('auth/signIn', { username: 'dispatcher', password: 'dispatch-2026' }, { sessionToken: null, remote: 'local' });
  if (!signIn.ok) throw new Error(`sign-in refused: ${JSON.stringify(signIn.error)}`);
  // Anything a publish needs is prepared before READY: only the operation itself is in the kill window.
  const drafts = operation === 'publish' ? await session.use((db) => prepareDrafts(db)) : [];
  const punches = operation === 'import' ? await session.use((db) => makePunches(db)) : [];
  process.stdout.write('READY\n');
  if (operation === 'backup') await session.backupNow('manual');
  else if (operation === 'restore') await session.restore(fileName!);
  else if (operation === 'import') await session.use((db) => db.transaction((tx) => insertPunches(tx, punches, 'crash.csv', '2026-11-22T02:00:00Z')));
  else if (operation === 'publish') {
    for (const id of drafts) await session.use((db) => db.transaction((tx) => publishRoster(tx, id, '2026-11-22T02:00:00Z')));
  } else throw new Error(`unknown operation ${operation}`);
  process.stdout.write('DONE\n');
  await backend.close();
}

async function makePunches(db: Database) {
  const staff = await listStaff(db);
  // Each import a year of its own: a punch is unique per person and moment.
  const earlier = (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM punches WHERE device = 'crash'"))?.n ?? 0;
  const year = 2030 + Math.floor(earlier / CRASH_PUNCHES);
  return Array.from({ length: CRASH_PUNCHES }, (_, index) => {
    const person = staff[index % staff.length]!;
    const seconds = Math.floor(index / staff.length);
    return { staffId: person.id, at: `${year}-01-0${1 + (seconds % 5)}T08:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`, device: 'crash' };
  });
}

/** Drafts of one week and all zones, each with a full week of duties, published one after another. */
async function prepareDrafts(db: Database): Promise<number[]> {
  const staff = (await listStaff(db)).filter((person) => person.status !== 'departed' && person.primaryPostId !== null);
  const zoneIds = [...new Set(staff.map((person) => person.homeZoneId))];
  const assignments = staff.flatMap((person) =>
    ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map((date) => ({ staffId: person.id, date, shiftCode: 'AM', postId: person.primaryPostId!, learner: false })),
  );
  const ids: number[] = [];
  for (let n = 0; n < 30; n += 1) {
    ids.push(await db.transaction((tx) =>
      insertDraftRoster(tx, {
        ...CRASH_WEEK, zoneIds, source: 'solver', createdAt: '2026-11-22T02:00:00Z',
        stats: { engine: 'highs', status: 'optimal', seconds: 1, objective: 1, bound: 1, gap: 0, unmet: 0, resilience: 1 },
        gaps: [], scenario: { start: CRASH_WEEK.from, days: 7 }, assignments,
      }),
    ));
  }
  return ids;
}

// Run only as the bundled child: the test imports this file for its constants.
if (/crash-child[^/\\]*\.mjs$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    process.exit(3);
  });
}
