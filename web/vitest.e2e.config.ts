import { defineConfig } from 'vitest/config';

// End-to-end tests: `npm run test:e2e`. They drive the machine's Chromium (playwright-core) against the
// real API, which e2e/global-setup.ts starts on a free port with a fresh SQLite database and which serves
// the built SPA from dist/. Needs `npm run build` here and `dotnet build` of ../api first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    watch: false,
  },
});
