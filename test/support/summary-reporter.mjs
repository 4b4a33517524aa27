// Counts passed/failed/skipped tests per browser and writes them to a JSON file, so the test
// script can print one closing line for the Node and browser suites together.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const byBrowser = {};
      for (const session of sessions) {
        const name = session.browser.name;
        const totals = (byBrowser[name] ??= { passed: 0, failed: 0, skipped: 0, errors: 0 });
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test has no test results: count it.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.errors += 1;
      }
      writeFileSync(file, JSON.stringify(byBrowser, null, 2));
    },
  };
}
