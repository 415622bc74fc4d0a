/**
 * What the solve worker (solve-worker.ts) and the job keeper (jobs.ts) say to each other. Every
 * message is structured-clone data: the scenario goes in as workerData, progress and the answer
 * come back through postMessage.
 */
import type { Roster, ScenarioProblem, SoftTotals, SolveProgress } from '../../../solver/roster/types.ts';

export interface SolveRequest {
  /** Unchecked: the worker validates it, so a scenario from a file and one from the database meet the same checks. */
  scenario: unknown;
  timeLimitSeconds: number;
}

export type WorkerMessage =
  | { kind: 'progress'; progress: SolveProgress }
  /** The scenario is malformed; nothing was solved. */
  | { kind: 'invalid'; problems: ScenarioProblem[] }
  | { kind: 'solved'; roster: Roster; soft: SoftTotals }
  /**
   * `bug`: the checker found a hard rule broken by the optimiser's own roster. `stopped`: the time
   * limit ran out before any roster was found (SolveStoppedError) — the user's to change, not a bug.
   */
  | { kind: 'failed'; bug: boolean; stopped?: boolean; message: string; stack?: string };
