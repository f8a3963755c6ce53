import { setupServer } from 'msw/node';

/**
 * The fake HTTP boundary of the unit and component tests: every `fetch` the app makes goes through
 * it, and a request no handler answers fails the test (see setup.ts). Tests add the answers they need
 * with `server.use(...)`; they are dropped after each test.
 */
export const server = setupServer();
