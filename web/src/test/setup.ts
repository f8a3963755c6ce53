import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { server } from './server';

// findBy… and waitFor wait up to 10 s (not 1 s) for what a test expects: on a loaded two-core machine a page can take
// longer than a second to render after its data arrives. A test that waits for what never comes still fails.
configure({ asyncUtilTimeout: 10_000 });

/** Requests of the current test that no handler answered (MSW also logs each as an error). */
let unhandled: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

beforeEach(() => {
  unhandled = [];
  server.events.on('request:unhandled', ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  window.localStorage.clear();
  window.sessionStorage.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  document.documentElement.lang = '';
  // An app that asks the server something the test did not answer fails the test, even when the
  // page copes with the failed request.
  if (unhandled.length > 0) throw new Error(`Requests without a handler: ${unhandled.join(', ')}`);
});

afterAll(() => {
  server.close();
});
