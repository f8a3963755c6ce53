import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.js, checked through ESLint itself: code is linted as if it were a
// file at `filePath` (the imported files are real ones of this app, so the resolver finds them).
const cwd = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd });

async function boundaryErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A parse or config error would leave no boundary message either: fail on it instead of passing.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths');
}

describe('import boundaries', () => {
  it('rejects a feature importing another feature', async () => {
    const errors = await boundaryErrors(
      'src/features/members/x.ts',
      "import { useSignOut } from '../auth/api/sign-out';\nexport const x = useSignOut;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.severity).toBe(2);
    expect(errors[0]?.message).toMatch(/A feature imports only from src\/lib\//);
  });

  it('rejects a deep relative import into another feature from a nested folder', async () => {
    const errors = await boundaryErrors(
      'src/features/people/components/X.tsx',
      "import { DepartmentsPage } from '../../departments/components/DepartmentsPage';\nexport const X = DepartmentsPage;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('rejects a feature importing the app (the composition root)', async () => {
    const errors = await boundaryErrors('src/features/audit/x.ts', "import { routes } from '../../app/router';\nexport const x = routes;\n");
    expect(errors).toHaveLength(1);
  });

  it('rejects shared code importing a feature', async () => {
    const errors = await boundaryErrors(
      'src/lib/x.ts',
      "import { useDevMailbox } from '../features/dev/api/mailbox';\nexport const x = useDevMailbox;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/import no feature/);
  });

  it('rejects the test helpers outside tests, allows them in a test', async () => {
    const code = "import { renderApp } from '../../test/render-app';\nexport const x = renderApp;\n";
    expect(await boundaryErrors('src/features/audit/x.ts', code)).toHaveLength(1);
    expect(await boundaryErrors('src/features/audit/x.test.ts', code)).toEqual([]);
  });

  it('allows a feature its own folder, src/lib, src/components and src/api', async () => {
    const errors = await boundaryErrors(
      'src/features/members/components/X.tsx',
      [
        "import { useDirectory } from '../api/directory';",
        "import { MEMBER_OFFERS } from '../options';",
        "import { useAuth } from '../../../lib/auth/me';",
        "import { Pager } from '../../../components/Pager';",
        "import type { MeResponse } from '../../../api/generated';",
        'export const X = [useDirectory, MEMBER_OFFERS, useAuth, Pager] as const;',
        'export type Y = MeResponse;',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('allows the app to put features together', async () => {
    const errors = await boundaryErrors(
      'src/app/routes/x.tsx',
      "import { AuditPage } from '../../features/audit/components/AuditPage';\nexport const X = AuditPage;\n",
    );
    expect(errors).toEqual([]);
  });

  it('rejects an import cycle', async () => {
    // src/lib/auth/sign-in.ts imports src/lib/auth/keys.ts: keys importing sign-in closes a cycle.
    const [result] = await eslint.lintText("import { useSignIn } from './sign-in';\nexport const x = useSignIn;\n", {
      filePath: 'src/lib/auth/keys.ts',
    });
    expect(result?.messages.filter((m) => m.ruleId === 'import-x/no-cycle')).toHaveLength(1);
  });
});
