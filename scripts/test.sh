#!/usr/bin/env bash
# Runs every test suite — .NET (API on SQLite, and on SQL Server where Docker answers), web lint (ESLint) and unit tests (Vitest),
# and end-to-end tests in Chromium against the real API — then prints one line of totals.
# Every suite runs even when an earlier one fails; the exit code says whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$PWD/TestResults"
rm -rf "$results" && mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== .NET: build and test"
if dotnet build Alumni.sln -nologo -clp:ErrorsOnly; then
  # The test APIs' logged errors go to a file, so the totals can show them beside a failure.
  ALUMNI_TEST_SERVER_ERRORS="$results/server-errors.log" dotnet test Alumni.sln --no-build -nologo --logger "trx;LogFilePrefix=dotnet" --logger "console;verbosity=normal" --results-directory "$results"
fi

echo "== web: install, lint, unit tests, build"
cd web
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
# The report lists every problem; the totals count each one as a failed test (see test-totals.mjs).
npm run lint -- --format json --output-file "$results/eslint.json" && echo "lint: no problems"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest-unit.json"

echo "== web: end-to-end in Chromium against the API"
if npm run build; then
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$results/vitest-e2e.json"
fi
cd ..

echo "== totals"
node scripts/test-totals.mjs "$results"
