import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the build, without types of its own
import { tallyPlaywright, tallyVitest } from '../../scripts/test-tally.mjs';

const FIXTURE = resolve('tests/fixtures/broken-suite');

/** Runs the real vitest on the fixture project, as `npm test` runs it on ours. */
function runFixture() {
  const report = join(mkdtempSync(join(tmpdir(), 'tally-')), 'report.json');
  const result = spawnSync(resolve('node_modules/.bin/vitest'), ['run', '--root', FIXTURE, '--reporter=json', `--outputFile.json=${report}`], { encoding: 'utf8' });
  return { status: result.status, report: JSON.parse(readFileSync(report, 'utf8')) };
}

describe("npm test's count", () => {
  it('counts a file that fails to import and a failing beforeAll as failures, and the runner fails', () => {
    const { status, report } = runFixture();
    expect(status).not.toBe(0);
    const counts = tallyVitest(report, status);
    expect(counts.passed).toBe(1);
    // Two files that never ran their tests: neither may vanish from the count.
    expect(counts.failed).toBeGreaterThanOrEqual(2);
    expect(counts.notes.join('\n')).toContain('fails-to-import.check.mjs');
  }, 60_000);

  it('counts a non-zero exit with nothing failed as a failure', () => {
    const report = { numPassedTests: 5, numFailedTests: 0, testResults: [] };
    expect(tallyVitest(report, 1).failed).toBe(1);
    expect(tallyVitest(report, 0).failed).toBe(0);
    expect(tallyPlaywright({ stats: { expected: 3, flaky: 0, unexpected: 0, skipped: 0 }, errors: [] }, 1).failed).toBe(1);
  });

  it('counts a missing report as a failure', () => {
    expect(tallyVitest(null, 0).failed).toBe(1);
    expect(tallyPlaywright(null, 0).failed).toBe(1);
  });
});
