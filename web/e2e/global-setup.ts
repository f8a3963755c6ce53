/**
 * Global setup of the end-to-end tests (`npm run test:e2e`): starts the real API with a fresh SQLite
 * database, serving the built web app, and stops it afterwards.
 *
 * Needs, beforehand:
 *   - `npm run build` here (web/dist/index.html), which the API serves;
 *   - `dotnet build` of the API (../api/bin/Debug/net10.0/Alumni.Api.dll), which is started with
 *     `dotnet run --no-build`.
 *
 * It picks a free port on 127.0.0.1, makes a temporary folder for the database, runs
 *   dotnet run --no-build --no-launch-profile --project ../api/Alumni.Api.csproj -- --urls http://127.0.0.1:<port>
 * with ASPNETCORE_ENVIRONMENT=Development, ConnectionStrings__Alumni=Data Source=<tmp>/alumni.db,
 * Database__Provider=Sqlite, Web__DistPath=<web/dist>, Alumni__DemoUsers=true (the API then seeds
 * admin@example.org, an admin, and coordinator@example.org, coordinator of DSV), Identity__* rate limits
 * raised for the one client every suite signs in from, Newsletters__PublicBaseUrl=<that address> (the links in
 * newsletter mail), Newsletters__MessagesPerSecond=1000, Newsletters__ScheduleEnabled=true and Newsletters__WelcomePollSeconds=2, and
 * Smtp__MailDirectory=<tmp>/mail without Smtp__Host (mail goes to files, which the dev mailbox
 * serves: the tests read sign-in codes there), waits until GET /health/ready answers 200
 * (E2E_API_START_TIMEOUT_MS, default 60 s) and hands the address to the tests as `inject('baseUrl')`.
 * Teardown stops the whole process group (dotnet run and the API it started) and removes the folder.
 *
 * E2E_BASE_URL=http://127.0.0.1:5080 skips all that and tests an API that is already running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(webDir, 'dist');
const apiProject = resolve(webDir, '..', 'api', 'Alumni.Api.csproj');
const apiBuildOutput = resolve(webDir, '..', 'api', 'bin', 'Debug', 'net10.0', 'Alumni.Api.dll');
const startTimeoutMs = Number(process.env.E2E_API_START_TIMEOUT_MS ?? 60_000);

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('No free port found.'))));
    });
  });
}

function checkPrerequisites(): void {
  const missing: string[] = [];
  if (!existsSync(join(distDir, 'index.html'))) {
    missing.push(`The built web app is missing (${distDir}/index.html): run \`npm run build\` in web/ first.`);
  }
  const maps = existsSync(distDir) ? readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.map')) : [];
  if (maps.length > 0) {
    missing.push(`The built web app holds source maps (${maps.join(', ')}), which a production build does not publish: run \`npm run build\` again.`);
  }
  if (!existsSync(apiProject)) {
    missing.push(`The API project is missing (${apiProject}).`);
  } else if (!existsSync(apiBuildOutput)) {
    missing.push(
      `The API is not built (${apiBuildOutput} is missing): run \`dotnet build\` (e.g. \`dotnet build ../api/Alumni.Api.csproj\`) first; the e2e tests start it with --no-build.`,
    );
  }
  if (missing.length > 0) throw new Error(`Cannot start the end-to-end tests:\n  - ${missing.join('\n  - ')}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      done();
      return;
    }
    const pid = child.pid;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal); // the whole group: `dotnet run` and the API process it started
      } catch {
        // already gone
      }
    };
    const killTimer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
    const giveUpTimer = setTimeout(done, 15_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      clearTimeout(giveUpTimer);
      // Children of `dotnet run` may outlive it for a moment; make sure none is left.
      setTimeout(() => {
        signalGroup('SIGKILL');
        done();
      }, 200);
    });
    signalGroup('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL?.replace(/\/+$/, '');
  if (external) {
    if (!(await isReady(`${external}/health/ready`))) {
      throw new Error(`E2E_BASE_URL=${external} is set, but ${external}/health/ready does not answer 200.`);
    }
    project.provide('baseUrl', external);
    return;
  }

  checkPrerequisites();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'alumni-e2e-'));
  const output: string[] = [];

  // No SMTP relay, whatever the environment says: mail must land in the folder the dev mailbox reads.
  const { Smtp__Host: _relay, SMTP__HOST: _relayUpper, ...environment } = process.env;
  const child = spawn(
    'dotnet',
    ['run', '--no-build', '--no-launch-profile', '--project', apiProject, '--', '--urls', baseUrl],
    {
      cwd: webDir,
      detached: true, // its own process group, so teardown can stop everything it started
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...environment,
        ASPNETCORE_ENVIRONMENT: 'Development',
        ConnectionStrings__Alumni: `Data Source=${join(dataDir, 'alumni.db')}`,
        Database__Provider: 'Sqlite',
        Web__DistPath: distDir,
        Alumni__DemoUsers: 'true',
        Smtp__MailDirectory: join(dataDir, 'mail'),
        // Every suite signs the demo people in from this one client (127.0.0.1), more often in a quarter of an hour
        // than the rate limits let one person do; the limits themselves are tested in the API's suite.
        Identity__CodeRequestsPerAddressAndClient: '200',
        Identity__CodeRequestsPerAddress: '200',
        Identity__CodeRequestsPerClient: '500',
        Identity__SignInAttemptsPerClient: '500',
        // Newsletters: links in mail lead to this server; a small send goes out at once (no throttle to speak of);
        // the scheduler runs (scheduled sends, the welcome series), as in production.
        Newsletters__PublicBaseUrl: baseUrl,
        Newsletters__MessagesPerSecond: '1000',
        Newsletters__ScheduleEnabled: 'true',
        // The welcome series looks for newly verified members every 2 s, so a member's welcome mail comes at once.
        Newsletters__WelcomePollSeconds: '2',
        DOTNET_NOLOGO: '1',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
      },
    },
  );
  const collect = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (process.env.E2E_API_LOG) process.stderr.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });

  const cleanUp = async () => {
    await stopProcessGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  let ready = false;
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) break;
    if (await isReady(`${baseUrl}/health/ready`)) {
      ready = true;
      break;
    }
    await delay(250);
  }

  if (!ready) {
    const why = spawnError
      ? `could not run dotnet: ${spawnError.message}`
      : child.exitCode !== null || child.signalCode !== null
        ? `the API exited early (code ${child.exitCode ?? child.signalCode})`
        : `GET ${baseUrl}/health/ready did not answer 200 within ${startTimeoutMs / 1000} s`;
    await cleanUp();
    throw new Error(`The API did not start: ${why}.\n--- API output ---\n${output.join('') || '(none)'}\n--- end ---`);
  }

  project.provide('baseUrl', baseUrl);
  return cleanUp;
}
