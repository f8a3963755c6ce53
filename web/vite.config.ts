import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The API (api/) listens here during development: `dotnet run --project ../api` or `make run`.
const apiTarget = process.env.ALUMNI_API_URL ?? 'http://127.0.0.1:5080';

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget },
  '/health': { target: apiTarget },
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what the API serves: they would publish the app's source (test-lint/build-config.test.ts).
    sourcemap: false,
  },
});
