// How `npm test` counts a runner's results. Kept apart from test-all.mjs so a unit test can feed it
// real reports: the count must never say "0 failed" while something did not run.

/**
 * Vitest's JSON report (jest-shaped). A file that fails to import, or whose beforeAll throws, is a
 * failed test *file* with no failed test in it: counted as one failure each. A runner that exits
 * non-zero with nothing counted as failed (an unhandled error, a crash) is one failure more, and so
 * is a missing report.
 */
export function tallyVitest(report, exitStatus) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, notes: ['the unit test runner produced no report'] };
  const notes = [];
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((test) => test.status === 'failed').length;
    if (file.status === 'failed' && failedInFile === 0) {
      failed += 1;
      notes.push(`test file failed outside its tests: ${file.name}`);
    }
  }
  if (exitStatus !== 0 && failed === 0) {
    failed += 1;
    notes.push(`the unit test runner exited with status ${exitStatus}`);
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return { passed: report.numPassedTests ?? 0, failed, skipped, notes };
}

/** Playwright's JSON report: unexpected results and top-level errors fail; a bad exit fails too. */
export function tallyPlaywright(report, exitStatus) {
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0, notes: ['the end-to-end runner produced no report'] };
  const notes = [];
  let failed = report.stats.unexpected + (report.errors?.length ?? 0);
  if (exitStatus !== 0 && failed === 0) {
    failed += 1;
    notes.push(`the end-to-end runner exited with status ${exitStatus}`);
  }
  return { passed: report.stats.expected + report.stats.flaky, failed, skipped: report.stats.skipped, notes };
}
