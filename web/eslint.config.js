// ESLint (flat config): `npm run lint`. Besides the usual JavaScript, TypeScript and React hooks rules it
// keeps the app's layers apart (docs: DESIGN.md §5, "ESLint boundaries between features"):
//   - a feature (src/features/<x>/) imports only from src/lib/, src/components/, src/api/ and itself;
//   - src/lib/, src/components/ and src/api/ import no feature and not the app;
//   - only src/app/ (the composition root: routes, layout) puts features together;
//   - no import cycles anywhere.
// What two features share lives in src/lib/ (logic, queries) or src/components/ (UI).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const FEATURE_MESSAGE =
  'A feature imports only from src/lib/, src/components/, src/api/ and its own folder: move what features share into src/lib/ or src/components/.';
const SHARED_MESSAGE = 'src/lib/, src/components/ and src/api/ are shared by every feature: they import no feature and not src/app/.';
const TEST_HELPERS_MESSAGE = 'Test helpers (src/test/) are for tests only.';

/** The zones of import-x/no-restricted-paths; `tests` lets test files use the test helpers in src/test/. */
function boundaryZones({ tests }) {
  return [
    ...features.map((feature) => ({
      target: `./src/features/${feature}`,
      from: './src/features',
      except: [`./${feature}`],
      message: FEATURE_MESSAGE,
    })),
    { target: './src/features', from: './src/app', message: FEATURE_MESSAGE },
    { target: ['./src/lib', './src/components', './src/api'], from: ['./src/features', './src/app'], message: SHARED_MESSAGE },
    ...(tests ? [] : [{ target: ['./src/features', './src/lib', './src/components', './src/api', './src/app'], from: './src/test', message: TEST_HELPERS_MESSAGE }]),
  ];
}

const TEST_FILES = ['src/**/*.test.{ts,tsx}', 'src/test/**'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'src/api/generated.ts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Without these the plugin reads no TypeScript module's imports, and no-cycle finds nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
    },
    rules: {
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones({ tests: false }) }] },
  },
  {
    files: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones({ tests: true }) }] },
  },
  {
    files: ['e2e/**/*.ts', 'test-lint/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
