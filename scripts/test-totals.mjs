#!/usr/bin/env node
// Adds up the results of every test suite `make test` ran, from their report files, and prints one line:
//   N passed, N failed, N skipped
// A suite whose report is missing (it crashed, or failed to build) counts as one failure.
// Lint (eslint.json, ESLint's JSON format) counts as one passed test when clean, and one failed test per
// error or warning otherwise (each is printed).
// Usage: node scripts/test-totals.mjs DIR   (DIR holds *.trx from dotnet test, vitest-*.json from vitest, eslint.json)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? 'TestResults';
const expected = (process.env.EXPECTED_SUITES ?? 'dotnet,lint,unit,e2e').split(',').filter(Boolean);
const totals = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = new Map();
const seen = new Set();
const failures = [];
const unescape = (text) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#xD;/g, '').replace(/&#xA;/g, '\n').replace(/&amp;/g, '&');
const brief = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 400);

const files = existsSync(dir) ? readdirSync(dir) : [];
for (const file of files.filter((f) => f.endsWith('.trx'))) {
  const xml = readFileSync(join(dir, file), 'utf8');
  const counters = /<Counters\s([^>]*)\/>/.exec(xml)?.[1] ?? '';
  const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
  totals.passed += count('passed');
  totals.failed += count('failed') + count('error') + count('timeout') + count('aborted');
  totals.skipped += Math.max(count('notExecuted'), count('total') - count('executed'));
  for (const m of xml.matchAll(/<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>[\s\S]*?<Message>([\s\S]*?)<\/Message>/g)) {
    const reason = unescape(m[1]).trim();
    skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
  }
  for (const m of xml.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
    failures.push(`${unescape(m[1])}: ${brief(unescape(/<Message>([\s\S]*?)<\/Message>/.exec(m[2])?.[1] ?? ''))}`);
  }
  seen.add('dotnet');
}

for (const file of files.filter((f) => /^vitest-.*\.json$/.test(f))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'failed') failures.push(`${relative(process.cwd(), suite.name ?? '')} ${test.fullName}: ${brief((test.failureMessages ?? []).join(' '))}`);
    }
  }
  seen.add(file.replace(/^vitest-|\.json$/g, ''));
}

if (files.includes('eslint.json')) {
  let report = null;
  try {
    report = JSON.parse(readFileSync(join(dir, 'eslint.json'), 'utf8'));
  } catch {
    console.log('Lint report eslint.json is unreadable.');
  }
  if (Array.isArray(report)) {
    let problems = 0;
    for (const result of report) {
      for (const message of result.messages ?? []) {
        problems += 1;
        console.log(`Lint: ${relative(process.cwd(), result.filePath)}:${message.line ?? 0}:${message.column ?? 0} ${message.ruleId ?? 'fatal'}: ${message.message.split('\n')[0]}`);
      }
    }
    if (problems === 0) totals.passed += 1;
    else totals.failed += problems;
    seen.add('lint');
  }
}

for (const suite of expected) {
  if (!seen.has(suite)) {
    console.log(`Suite "${suite}" left no report: counted as one failure.`);
    totals.failed += 1;
  }
}

// The failures last, just above the totals, so that a log's tail says what failed and why.
for (const failure of failures.slice(0, 10)) {
  console.log(`Failed: ${failure}`);
}
if (failures.length > 10) console.log(`… and ${failures.length - 10} more failed tests (see the reports in ${dir}).`);
if (failures.length > 0 && files.includes('server-errors.log')) {
  const logged = readFileSync(join(dir, 'server-errors.log'), 'utf8').trim().split('\n').filter(Boolean);
  console.log(`The test APIs logged ${logged.length} error(s); the last ones:`);
  for (const line of logged.slice(-3)) console.log(`  ${line.slice(0, 1500)}`);
}

for (const [reason, n] of skipReasons) {
  console.log(`Skipped ${n} test(s): ${reason}`);
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
