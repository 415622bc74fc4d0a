import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/contract/errors.ts';
import type { RosterJob } from '../../../electron/contract/areas/roster.ts';
import { RosterJobs, type JobSaved, type SolvedRoster } from '../../../electron/backend/roster/jobs.ts';
import { withTempDir } from '../../support/temp.ts';

/** Stand-in workers: each speaks the worker protocol (worker-protocol.ts) in one way. */
const WORKERS = {
  solves: `
    import { parentPort, workerData } from 'node:worker_threads';
    parentPort.postMessage({ kind: 'progress', progress: { phase: 'solving', seconds: 0.1, objective: 120, bound: 100, gap: Infinity } });
    parentPort.postMessage({ kind: 'solved', roster: { assignments: [], unmet: [], stats: { engine: 'highs', status: 'optimal', seconds: 0.2, objective: 110, bound: 110, gap: 0, variables: 1, constraints: 1 } },
      soft: { unmetStaffShifts: 0, resilienceShare: 1, limit: workerData.timeLimitSeconds } });`,
  hangs: `setInterval(() => undefined, 1000);`,
  crashes: `process.exit(3);`,
  bug: `
    import { parentPort } from 'node:worker_threads';
    parentPort.postMessage({ kind: 'failed', bug: true, message: 'breaks 1 hard rule(s)', stack: 'RosterBugError: breaks 1 hard rule(s)' });
    setInterval(() => undefined, 1000);`,
  outOfTime: `
    import { parentPort } from 'node:worker_threads';
    parentPort.postMessage({ kind: 'failed', bug: false, stopped: true, message: 'HiGHS stopped (time limit 5 s) before it found any solution', stack: 'SolveStoppedError: …' });
    setInterval(() => undefined, 1000);`,
  invalid: `
    import { parentPort } from 'node:worker_threads';
    parentPort.postMessage({ kind: 'invalid', problems: [{ path: 'staff[2].skills.P9', message: 'unknown post "P9"' }, { path: 'days', message: 'too many' }] });`,
} as const;

type WorkerKind = keyof typeof WORKERS;

let jobs: RosterJobs | null = null;

afterEach(async () => {
  await jobs?.close();
  jobs = null;
});

async function withJobs(kind: WorkerKind, work: (context: { jobs: RosterJobs; logged: string[]; saved: SolvedRoster[] }) => Promise<void>, graceSeconds = 5) {
  await withTempDir(async (dir) => {
    const workerPath = join(dir, `${kind}.mjs`);
    await writeFile(workerPath, WORKERS[kind]);
    const logged: string[] = [];
    const saved: SolvedRoster[] = [];
    jobs = new RosterJobs({ workerPath, graceSeconds: () => graceSeconds, logError: (what) => logged.push(what) });
    await work({ jobs, logged, saved });
  });
}

function start(target: RosterJobs, saved: SolvedRoster[], timeLimitSeconds = 5, result: JobSaved = { rosterId: 42 }): Promise<RosterJob> {
  return target.start(
    async () => ({ scenario: {}, timeLimitSeconds }),
    async (solved) => {
      saved.push(solved);
      return result;
    },
  );
}

async function settled(target: RosterJobs, jobId: string): Promise<RosterJob> {
  for (let i = 0; i < 200; i += 1) {
    const job = target.progress(jobId);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${jobId} still running`);
}

describe('roster solve jobs', () => {
  it('start queued, then save the solved roster as a draft and report its id and the final figures', () =>
    withJobs('solves', async ({ jobs, saved }) => {
      const started = await start(jobs, saved, 7);
      expect(started).toMatchObject({ state: 'running', rosterId: null, error: null, progress: { phase: 'queued', objective: null } });
      expect(started.jobId).toMatch(/^[a-z0-9-]{1,40}$/);
      const done = await settled(jobs, started.jobId);
      expect(done).toMatchObject({ state: 'done', rosterId: 42, error: null, progress: { phase: 'done', objective: 110, bound: 110, gap: 0 } });
      expect(saved).toHaveLength(1);
      expect(saved[0]!.soft).toMatchObject({ limit: 7 });
    }));

  it('report a board job\'s saved proposal as proposalId, never as a roster', () =>
    withJobs('solves', async ({ jobs, saved }) => {
      const done = await settled(jobs, (await start(jobs, saved, 5, { proposalId: 9 })).jobId);
      expect(done).toMatchObject({ state: 'done', rosterId: null, proposalId: 9, error: null });
    }));

  it('refuse a second solve while one runs, and free the slot when preparing one is refused', () =>
    withJobs('hangs', async ({ jobs, saved }) => {
      const refusal = new AppFailure('conflict', 'calendar not confirmed');
      await expect(jobs.start(async () => Promise.reject(refusal), async () => ({ rosterId: 1 }))).rejects.toBe(refusal);
      const first = await start(jobs, saved);
      await expect(start(jobs, saved)).rejects.toMatchObject({ error: { code: 'conflict' } });
      jobs.cancel(first.jobId);
      await expect(start(jobs, saved)).resolves.toMatchObject({ state: 'running' });
    }));

  it('cancel at once: the worker is stopped and nothing is saved', () =>
    withJobs('hangs', async ({ jobs, saved }) => {
      const job = await start(jobs, saved);
      expect(jobs.cancel(job.jobId)).toMatchObject({ state: 'cancelled', rosterId: null });
      expect(jobs.progress(job.jobId).state).toBe('cancelled');
      expect(saved).toEqual([]);
    }));

  it('kill a worker still running at its time limit plus the grace, and say so', () =>
    withJobs(
      'hangs',
      async ({ jobs, saved }) => {
        const job = await start(jobs, saved, 0.2);
        const failed = await settled(jobs, job.jobId);
        expect(failed.state).toBe('failed');
        expect(failed.error).toContain('was stopped');
        expect(failed.progress.seconds).toBeGreaterThanOrEqual(0.3);
      },
      0.2,
    ));

  it('fail in plain words when the worker dies without answering', () =>
    withJobs('crashes', async ({ jobs, saved }) => {
      const failed = await settled(jobs, (await start(jobs, saved)).jobId);
      expect(failed).toMatchObject({ state: 'failed', rosterId: null });
      expect(failed.error).toContain('exit code 3');
    }));

  it('log a hard-rule breach of the optimiser’s own roster and call it a bug', () =>
    withJobs('bug', async ({ jobs, saved, logged }) => {
      const failed = await settled(jobs, (await start(jobs, saved)).jobId);
      expect(failed.state).toBe('failed');
      expect(failed.error).toContain('bug in the optimiser');
      expect(logged).toEqual(['roster optimiser bug']);
      expect(saved).toEqual([]);
    }));

  it('say a time-out in the user\'s words, naming the limit, and neither log it nor call it a bug', () =>
    withJobs('outOfTime', async ({ jobs, saved, logged }) => {
      const failed = await settled(jobs, (await start(jobs, saved, 5)).jobId);
      expect(failed.state).toBe('failed');
      expect(failed.error).toContain('5 秒的时限内未找到任何排班');
      expect(failed.error).toContain('Allow more time');
      expect(failed.error).not.toContain('HiGHS');
      expect(failed.error).not.toContain('bug');
      expect(logged).toEqual([]);
      expect(saved).toEqual([]);
    }));

  it('list every problem of a malformed scenario with its path', () =>
    withJobs('invalid', async ({ jobs, saved }) => {
      const failed = await settled(jobs, (await start(jobs, saved)).jobId);
      expect(failed.error).toContain('2 problem(s)');
      expect(failed.error).toContain('staff[2].skills.P9: unknown post "P9"');
      expect(failed.error).toContain('days: too many');
    }));

  it('fail in plain words, and free the slot, when the worker file is missing', async () => {
    const logged: string[] = [];
    jobs = new RosterJobs({ workerPath: '/nonexistent/roster-worker.mjs', logError: (what) => logged.push(what) });
    const failed = await settled(jobs, (await start(jobs, [])).jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('roster-worker.mjs');
    expect(logged).toEqual(['roster solve worker']);
    await expect(start(jobs, [])).resolves.toMatchObject({ state: 'running' });
  });

  it('refuse an unknown job', () =>
    withJobs('solves', async ({ jobs }) => {
      expect(() => jobs.progress('nope')).toThrow(AppFailure);
      expect(() => jobs.cancel('nope')).toThrow(/No roster solve/);
    }));

  it('stop every worker on close', () =>
    withJobs('hangs', async ({ jobs, saved }) => {
      const job = await start(jobs, saved);
      await jobs.close();
      expect(jobs.progress(job.jobId).state).toBe('cancelled');
    }));
});
