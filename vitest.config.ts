import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // The e2e suites start their own moto server; give them room, but never assert on wall time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one fork per core minus one: a single fork on a 2-core CI machine, idle while its
    // suite waits on a child process, moto, PostgreSQL or Chromium. Every suite uses its own temp folders
    // and free loopback ports, so two or more run side by side safely.
    maxWorkers: Math.max(2, availableParallelism()),
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
