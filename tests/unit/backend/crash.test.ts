/**
 * kill -9 at random moments of a backup, a restore, a 50,000-row punch import and a publish, each
 * at least ten times: every time the file passes integrity_check, the operation's data is all
 * there or all not, and the backend starts on it with its accounts (the next child signs in
 * before it says READY). The child is the real backend, bundled as scripts/build.mjs does.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../data/connection.ts';
import { checkDatabaseFile, isBackupFileName, listBackups } from '../../../data/backup.ts';
import { putSetting, getSetting } from '../../../data/repositories/settings.ts';
import { dataPaths } from '../../../electron/backend/paths.ts';
import { ask, openTestBackend, TEST_DISPATCHER } from '../../support/backend.ts';
import { CRASH_PUNCHES, CRASH_WEEK } from '../../support/crash-child.ts';
import { mulberry32 } from '../../../solver/demand/random.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KILLS = 10;
const bundle = `${ROOT}node_modules/.cache/hall-roster-tests/crash-child-${process.pid}-${Date.now()}.mjs`;
let dataDir = '';
let restorable = '';

/** A seeded generator (mulberry32): the kill moments are the same on every run. */
const random = mulberry32;

interface Run {
  /** Milliseconds from READY to DONE, or null when killed first. */
  doneAfter: number | null;
  killed: boolean;
}

/** Runs the child; kills it `killAfter` ms after READY (never, when null). */
function runChild(operation: string, killAfter: number | null, file = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, operation, dataDir, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    let doneAfter: number | null = null;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!readyAt && out.includes('READY')) {
        readyAt = performance.now();
        if (killAfter !== null) setTimeout(() => (killed = child.kill('SIGKILL')), killAfter);
      }
      if (doneAfter === null && out.includes('DONE')) doneAfter = performance.now() - readyAt;
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!readyAt) return reject(new Error(`the child never started (exit ${code}): ${err}`));
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`the child failed (exit ${code}): ${err}`));
      resolve({ doneAfter, killed: signal === 'SIGKILL' && killed });
    });
  });
}

/** The file as a kill left it: not empty, and integrity_check ok once SQLite has recovered it. */
async function inspect<T>(look: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const { dataFile } = dataPaths(dataDir);
  const db = await openDatabase(dataFile);
  try {
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    return await look(db);
  } finally {
    await db.close();
  }
}

/** Kills `operation` KILLS times at moments spread over its measured length, checking after each. */
async function crashRepeatedly(operation: string, seed: number, check: (run: Run) => Promise<void>, file = () => ''): Promise<number> {
  const calibration = await runChild(operation, null, file());
  await check(calibration);
  const length = Math.max(calibration.doneAfter ?? 0, 5);
  const next = random(seed);
  let killedMidway = 0;
  for (let n = 0; n < KILLS; n += 1) {
    const run = await runChild(operation, next() * length * 1.1, file());
    if (run.killed && run.doneAfter === null) killedMidway += 1;
    await check(run);
  }
  // The file must also open as a whole backend at the end, its dispatcher signing in.
  await runChild('none-but-start', null).catch((error: Error) => {
    if (!/unknown operation/.test(error.message)) throw error;
  });
  return killedMidway;
}

beforeAll(async () => {
  await build({
    entryPoints: [`${ROOT}tests/support/crash-child.ts`], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning',
  });
  dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-crash-'));
  const backend = await openTestBackend(dataDir);
  restorable = (await ask(backend, 'backup/create', {})).fileName;
  await backend.context.session.use((db) => putSetting(db, 'crash-marker', 'after'));
  await backend.close();
}, 60_000);

afterAll(async () => {
  await rm(bundle, { force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('kill -9 at random moments', () => {
  it('of a 50,000-row punch import leaves all of it or none', async () => {
    let before = 0;
    const count = (db: Awaited<ReturnType<typeof openDatabase>>) => db.get<{ n: number }>("SELECT COUNT(*) AS n FROM punches WHERE device = 'crash'").then((row) => row?.n ?? 0);
    before = await inspect(count);
    const midway = await crashRepeatedly('import', 14, async (run) => {
      const after = await inspect(count);
      expect([before, before + CRASH_PUNCHES]).toContain(after);
      if (run.doneAfter !== null) expect(after).toBe(before + CRASH_PUNCHES);
      before = after;
    });
    expect(midway).toBeGreaterThan(0);
  }, 400_000);

  it('of a publish never leaves two published rosters for a week', async () => {
    await crashRepeatedly('publish', 15, async () => {
      const published = await inspect((db) =>
        db.get<{ n: number }>("SELECT COUNT(*) AS n FROM rosters WHERE status = 'published' AND from_date = ? AND to_date = ?", [CRASH_WEEK.from, CRASH_WEEK.to]),
      );
      expect(published?.n).toBe(1);
    });
  }, 400_000);

  it('of a backup leaves no half-written backup in the list', async () => {
    await crashRepeatedly('backup', 16, async () => {
      await inspect(async () => undefined);
      const { backupDir } = dataPaths(dataDir);
      // The newest few are what a kill can have touched; every name listed is a finished one.
      for (const backup of (await listBackups(backupDir)).slice(0, 3)) {
        await expect(checkDatabaseFile(join(backupDir, backup.fileName), { requireData: true })).resolves.toMatchObject({ schemaVersion: expect.any(Number) });
      }
      // A leftover is never listed; the next start removes it.
      for (const name of await readdir(backupDir)) expect(isBackupFileName(name) || name.startsWith('.incoming-')).toBe(true);
    });
  }, 400_000);

  it('of a restore leaves the old data or the restored, with today\'s accounts', async () => {
    const midway = await crashRepeatedly('restore', 17, async (run) => {
      const marker = await inspect(async (db) => {
        const found = await getSetting(db, 'crash-marker');
        const accounts = await db.all<{ username: string }>('SELECT username FROM accounts');
        expect(accounts.map((a) => a.username)).toContain(TEST_DISPATCHER.username);
        // Put the marker back so the next restore has something to take away.
        await putSetting(db, 'crash-marker', 'after');
        return found;
      });
      if (run.doneAfter !== null) expect(marker).toBeUndefined();
      else expect([undefined, 'after']).toContain(marker);
    }, () => restorable);
    expect(midway).toBeGreaterThanOrEqual(0);
  }, 400_000);
});
