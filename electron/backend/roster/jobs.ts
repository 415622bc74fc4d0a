/**
 * Solve jobs: each solve runs in its own worker thread (solve-worker.ts) that the backend can kill
 * at any moment, so cancel is immediate and a runaway solve cannot outlive its deadline. This side
 * keeps what the UI polls (phase, seconds, objective, bound, gap) and saves the answer: a draft
 * roster for a solve, a proposal for a board repair or re-optimise.
 * One solve at a time: two would halve each other's CPU on the hall's two-core machines.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../../contract/errors.ts';
import type { RosterJob, RosterSolveProgress } from '../../contract/areas/roster.ts';
import type { Roster, SoftTotals, SolveProgress } from '../../../solver/roster/types.ts';
import type { SolveRequest, WorkerMessage } from './worker-protocol.ts';

export const ROSTER_WORKER_FILE = 'roster-worker.mjs';

/**
 * The worker bundle sits beside the backend's own bundle: dist/serve/server.mjs (ESM, where
 * import.meta.url says where) and dist/electron/main.cjs (CommonJS, where __dirname does).
 */
export function defaultRosterWorkerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(here, ROSTER_WORKER_FILE);
}

export interface SolvedRoster {
  roster: Roster;
  soft: SoftTotals;
}

/** What a finished job saved: a draft roster (a solve), or a proposal (a board repair or re-optimise). */
export type JobSaved = { rosterId: number } | { proposalId: number };

export type SaveSolved = (solved: SolvedRoster) => Promise<JobSaved>;

export interface RosterJobsOptions {
  workerPath: string;
  /** Seconds a worker may run past its time limit (loading HiGHS, building, checking, explaining) before it is killed. */
  graceSeconds?: (timeLimitSeconds: number) => number;
  logError: (what: string, error: unknown) => void;
  /** Monotonic seconds: the hall's clock may stand still (tests, HALL_ROSTER_CLOCK), a solve's seconds never do. */
  elapsed?: () => number;
  /** Finished jobs remembered for polling. */
  keepFinished?: number;
}

/** Enough for HiGHS to finish its presolve and for the gap reasons of a month; proportional for long solves. */
export const defaultGrace = (timeLimitSeconds: number) => Math.max(30, timeLimitSeconds / 2);

/** A guard, not a budget: a runaway model fails its job instead of taking the app's memory. */
const WORKER_HEAP_MB = 2048;

interface Job {
  view: RosterJob;
  startedAt: number;
  worker: Worker | null;
  deadline: NodeJS.Timeout | null;
}

export class RosterJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly grace: (timeLimitSeconds: number) => number;
  private readonly elapsed: () => number;

  constructor(private readonly options: RosterJobsOptions) {
    this.grace = options.graceSeconds ?? defaultGrace;
    this.elapsed = options.elapsed ?? (() => performance.now() / 1000);
  }

  /**
   * Claims the one solve slot, then prepares the request (reading the database may take a moment
   * and may refuse: an unconfirmed calendar year) and starts the worker. A refusal from `prepare`
   * releases the slot and is thrown to the caller as it is.
   */
  async start(prepare: () => Promise<SolveRequest>, save: SaveSolved): Promise<RosterJob> {
    const busy = [...this.jobs.values()].find((job) => job.view.state === 'running');
    if (busy) {
      throw new AppFailure('conflict', `已有排班正在计算（${busy.view.jobId}）：请等它完成或取消后再试。 / A roster solve is already running (${busy.view.jobId}): wait for it or cancel it first.`);
    }
    const job = this.register();
    let request: SolveRequest;
    try {
      request = await prepare();
    } catch (error) {
      this.jobs.delete(job.view.jobId);
      throw error;
    }
    try {
      this.launch(job, request, save);
    } catch (error) {
      // A worker that cannot even be created must not hold the one solve slot.
      this.options.logError('roster solve worker', error);
      this.finish(job, 'failed', `排班计算无法启动。 / The solve could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.snapshot(job);
  }

  progress(jobId: string): RosterJob {
    return this.snapshot(this.require(jobId));
  }

  /** Kills the worker at once; nothing is saved. Too late once the answer is being saved: the job finishes. */
  cancel(jobId: string): RosterJob {
    const job = this.require(jobId);
    if (job.view.state === 'running' && job.view.progress.phase !== 'saving') this.finish(job, 'cancelled', null);
    return this.snapshot(job);
  }

  /** Stops every worker; the backend is closing. */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.worker !== null);
    const stopping = running.map((job) => job.worker!.terminate());
    for (const job of running) if (job.view.state === 'running') this.finish(job, 'cancelled', null);
    await Promise.allSettled(stopping);
  }

  private register(): Job {
    const jobId = randomUUID();
    const job: Job = {
      view: { jobId, state: 'running', progress: { phase: 'queued', seconds: 0, objective: null, bound: null, gap: null }, rosterId: null, proposalId: null, error: null },
      startedAt: this.elapsed(),
      worker: null,
      deadline: null,
    };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    return job;
  }

  private launch(job: Job, request: SolveRequest, save: SaveSolved): void {
    const worker = new Worker(this.options.workerPath, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    job.worker = worker;
    const limit = request.timeLimitSeconds + this.grace(request.timeLimitSeconds);
    job.deadline = setTimeout(() => {
      this.finish(job, 'failed', `排班计算超过 ${Math.round(limit)} 秒仍未结束，已停止。 / The solve had not finished ${Math.round(limit)} s after it started and was stopped.`);
    }, limit * 1000);
    job.deadline.unref();
    worker.on('message', (message: WorkerMessage) => void this.onMessage(job, message, save, request.timeLimitSeconds));
    worker.on('error', (error) => {
      this.options.logError('roster solve worker', error);
      this.finish(job, 'failed', `排班计算意外中止：${error.message} / The solve stopped: ${error.message}`);
    });
    worker.on('exit', (code) => {
      job.worker = null;
      // A worker that ends on its own before answering has crashed; a solved one is being saved.
      if (job.view.state === 'running' && job.view.progress.phase !== 'saving') {
        this.finish(job, 'failed', `排班计算意外退出（代码 ${code}）。 / The solver stopped unexpectedly (exit code ${code}).`);
      }
    });
  }

  private async onMessage(job: Job, message: WorkerMessage, save: SaveSolved, timeLimitSeconds: number): Promise<void> {
    if (job.view.state !== 'running') return;
    if (message.kind === 'progress') {
      this.applyProgress(job, message.progress);
    } else if (message.kind === 'invalid') {
      const listed = message.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
      this.finish(job, 'failed', `排班场景有 ${message.problems.length} 处问题，未开始计算。 / The scenario has ${message.problems.length} problem(s), so no solve started: ${listed}`);
    } else if (message.kind === 'failed') {
      this.onWorkerFailure(job, message, timeLimitSeconds);
    } else {
      await this.saveSolved(job, message, save);
    }
  }

  private onWorkerFailure(job: Job, message: Extract<WorkerMessage, { kind: 'failed' }>, timeLimitSeconds: number): void {
    if (message.stopped && !message.bug) {
      // Out of time is the user's choice of limit, said as such; anything else is logged below.
      this.finish(job, 'failed', `在 ${timeLimitSeconds} 秒的时限内未找到任何排班。请放宽时限，或减少区域、缩短周期后再试。 / No roster was found within the ${timeLimitSeconds} s time limit. Allow more time, or choose fewer zones or a shorter period.`);
      return;
    }
    const error = Object.assign(new Error(message.message), { stack: message.stack ?? message.message });
    this.options.logError(message.bug ? 'roster optimiser bug' : 'roster solve', error);
    const text = message.bug
      ? `排班优化器出现程序错误（违反了硬性规则），排班未保存；详情已写入日志。 / This is a bug in the optimiser, not in your data: its roster broke a hard rule, so nothing was saved. Details are in the app log. (${message.message})`
      : `排班计算失败：${message.message} / The solve failed: ${message.message}`;
    this.finish(job, 'failed', text);
  }

  private async saveSolved(job: Job, solved: SolvedRoster, save: SaveSolved): Promise<void> {
    this.applyProgress(job, { phase: 'done', seconds: solved.roster.stats.seconds, objective: solved.roster.stats.objective, bound: solved.roster.stats.bound, gap: solved.roster.stats.gap });
    job.view.progress.phase = 'saving';
    this.stopWorker(job);
    try {
      const saved = await save(solved);
      if ('rosterId' in saved) job.view.rosterId = saved.rosterId;
      else job.view.proposalId = saved.proposalId;
      job.view.progress.phase = 'done';
      this.finish(job, 'done', null);
    } catch (error) {
      this.options.logError('roster save', error);
      this.finish(job, 'failed', `排班已算出但未能保存。 / The roster was solved but could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private applyProgress(job: Job, progress: SolveProgress): void {
    const view = job.view.progress;
    // The worker's own 'done' comes before the save; the job's 'done' means the draft exists.
    if (progress.phase !== 'done') view.phase = progress.phase;
    if (progress.objective !== undefined) view.objective = finiteOrNull(progress.objective);
    if (progress.bound !== undefined) view.bound = finiteOrNull(progress.bound);
    if (progress.gap !== undefined) view.gap = finiteOrNull(progress.gap);
  }

  private finish(job: Job, state: Exclude<RosterJob['state'], 'running'>, error: string | null): void {
    if (job.view.state !== 'running') return;
    job.view.progress.seconds = this.secondsOf(job);
    job.view.state = state;
    job.view.error = error;
    this.stopWorker(job);
  }

  private stopWorker(job: Job): void {
    if (job.deadline) clearTimeout(job.deadline);
    job.deadline = null;
    void job.worker?.terminate();
  }

  private snapshot(job: Job): RosterJob {
    const progress: RosterSolveProgress = { ...job.view.progress, seconds: job.view.state === 'running' ? this.secondsOf(job) : job.view.progress.seconds };
    return { ...job.view, progress };
  }

  private secondsOf(job: Job): number {
    return Math.round((this.elapsed() - job.startedAt) * 10) / 10;
  }

  private require(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppFailure('not_found', `No roster solve ${jobId}`, { jobId: 'invalid_value' });
    return job;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.view.state !== 'running');
    const excess = finished.length - (this.options.keepFinished ?? 20);
    for (const job of finished.slice(0, Math.max(0, excess))) this.jobs.delete(job.view.jobId);
  }
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
