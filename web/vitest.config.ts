import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Unit and component tests: `npm test` (runs once). Browser tests live in e2e/ (vitest.e2e.config.ts).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}', 'test-lint/**/*.test.ts'],
      setupFiles: ['src/test/setup.ts'],
      watch: false,
      restoreMocks: true,
      // Component tests type into forms; on a loaded two-core CI machine that can take seconds.
      testTimeout: 30_000,
    },
  }),
);
