/**
 * The solve worker: runs in node:worker_threads so a solve of a minute or more never blocks the
 * backend, and can be killed outright (worker.terminate()) on cancel or at the hard deadline.
 * Bundled on its own as roster-worker.mjs (scripts/build.mjs); `highs` stays in node_modules so it
 * finds its WebAssembly file there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import { validateScenario } from '../../../solver/roster/scenario.ts';
import { solveCheckedRoster } from '../../../solver/roster/solve.ts';
import type { SolveRequest, WorkerMessage } from './worker-protocol.ts';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

/** Stop once the roster is proven within this share of the best possible. */
const APP_RELATIVE_GAP = 0.005;

async function run(request: SolveRequest): Promise<void> {
  post({ kind: 'progress', progress: { phase: 'validating', seconds: 0 } });
  const checked = validateScenario(request.scenario);
  if (!checked.ok) {
    post({ kind: 'invalid', problems: checked.problems });
    return;
  }
  const highs = await loadHighsEngine();
  // solveCheckedRoster never returns a roster its independent checker found breaking a hard rule:
  // it throws RosterBugError, which the catch below reports as a bug.
  const { roster, check } = solveCheckedRoster(checked.scenario, {
    highs,
    // The app promises a time limit, progress and the best roster so far: only HiGHS keeps those
    // promises (javascript-lp-solver has no hard limit and never returned on a 658-integer zone week).
    engine: 'highs',
    timeLimitSeconds: request.timeLimitSeconds,
    // A dispatcher waits at the screen: a roster proven within 0.5% of the best possible is handed
    // over at once rather than spending the whole time limit closing the last fraction (the demo
    // centre's week: 4 s instead of 30 s for a 0.07% better objective). The gap is shown with it.
    relativeGap: APP_RELATIVE_GAP,
    onProgress: (progress) => post({ kind: 'progress', progress }),
  });
  post({ kind: 'solved', roster, soft: check.soft });
}

run(workerData as SolveRequest).catch((error: unknown) => {
  const failure = error instanceof Error ? error : new Error(String(error));
  post({ kind: 'failed', bug: failure.name === 'RosterBugError', stopped: failure.name === 'SolveStoppedError', message: failure.message, stack: failure.stack });
});
