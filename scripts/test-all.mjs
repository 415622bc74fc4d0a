// `npm test`: every check and every test, unit and end-to-end, then one closing line
// `N passed, N failed` that counts them all. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { LAYERS } from './layers.mjs';
import { tallyPlaywright, tallyVitest } from './test-tally.mjs';

const UNIT_REPORT = 'test-results/unit-report.json';
const E2E_REPORT = 'test-results/e2e-report.json';

const tally = { passed: 0, failed: 0, skipped: 0 };

/** Runs a command in the foreground; its exit status, or -1 when it could not start or was killed. */
function run(label, command, args, env = {}) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? -1;
}

function add(counts) {
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  tally.skipped += counts.skipped;
  for (const note of counts.notes) console.log(`✘ ${note}`);
}

/** Static checks count as one test each, so a type or layer error shows in the closing line. */
function check(label, command, args) {
  const ok = run(label, command, args) === 0;
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

const unitStatus = run('unit tests', 'node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_REPORT}`]);
add(tallyVitest(readJson(UNIT_REPORT), unitStatus));

const built = check('build', process.execPath, ['scripts/build.mjs']);
if (built) {
  // Just built: the e2e global setup need not build again.
  const e2eStatus = run('end-to-end tests (Chromium)', 'node_modules/.bin/playwright', ['test'], { HALL_ROSTER_FRESH_BUILD: '1' });
  add(tallyPlaywright(readJson(E2E_REPORT), e2eStatus));
}

const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
console.log(`\n${tally.passed} passed, ${tally.failed} failed${skipped}`);
process.exitCode = tally.failed > 0 ? 1 : 0;
