import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import viteConfig from '../vite.config.ts';

// The production build publishes no source maps: the API serves web/dist as it is, and maps would hand out the
// app's source with its comments. (e2e/global-setup.ts also refuses a dist/ that holds *.map files.)
describe('the production build', () => {
  it('writes no source maps', () => {
    const config = viteConfig as UserConfig;

    expect(config.build?.sourcemap ?? false).toBe(false);
  });
});
