// `npm test`: every check and every test, unit and end-to-end, then one closing line
// `N passed, N failed` that counts them all. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const LAYERS = ['solver', 'data', 'electron/contract', 'electron/backend', 'electron/serve', 'electron/main', 'electron/preload', 'renderer', 'tests'];
const UNIT_REPORT = 'test-results/unit-report.json';
const E2E_REPORT = 'test-results/e2e-report.json';

const tally = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** Static checks count as one test each, so a type or layer error shows in the closing line. */
function check(label, command, args) {
  const ok = run(label, command, args);
  tally[ok ? 'passed' : 'failed'] += 1;
  if (!ok) console.log(`✘ check failed: ${label}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

for (const report of [UNIT_REPORT, E2E_REPORT]) rmSync(report, { force: true });
const tsc = 'node_modules/.bin/tsc';
for (const layer of LAYERS) check(`typecheck ${layer}`, tsc, ['-p', layer]);
check('lint (including layer rules)', 'node_modules/.bin/eslint', ['.']);

run('unit tests', 'node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_REPORT}`]);
const unit = readJson(UNIT_REPORT);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0);
  tally.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  console.log('✘ the unit test runner produced no report');
  tally.failed += 1;
}

const built = check('build', process.execPath, ['scripts/build.mjs']);
if (built) {
  run('end-to-end tests (Chromium)', 'node_modules/.bin/playwright', ['test']);
  const e2e = readJson(E2E_REPORT);
  if (e2e && existsSync(E2E_REPORT)) {
    tally.passed += e2e.stats.expected + e2e.stats.flaky;
    tally.failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
    tally.skipped += e2e.stats.skipped;
  } else {
    console.log('✘ the end-to-end runner produced no report');
    tally.failed += 1;
  }
}

const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
console.log(`\n${tally.passed} passed, ${tally.failed} failed${skipped}`);
process.exitCode = tally.failed > 0 ? 1 : 0;
