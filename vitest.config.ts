import { defineConfig } from 'vitest/config';

/** Tests that talk to a Docker Engine; only these start one (test/support/global-setup.ts). */
const engineTests = [
  'test/lab/engine.test.ts',
  'test/lab/hosts.test.ts',
  'test/lab/images.test.ts',
  'test/lab/ps.test.ts',
  'test/lab/run.test.ts',
  'test/lab/whole-lab.test.ts',
  'test/lab/archive/hosts.test.ts',
  'test/lab/archive/interrupted.test.ts',
  'test/lab/archive/load.test.ts',
  'test/lab/archive/save.test.ts',
  'test/lab/archive/strict-reading.test.ts',
  'test/e2e/discord-lab*.test.ts',
  'test/ship/*.test.ts',
  'test/terminal/lab-command.test.ts',
  'test/terminal/lab-lines.test.ts',
];

const shared = { testTimeout: 30_000, hookTimeout: 120_000, teardownTimeout: 30_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/**/*.test.ts'], exclude: engineTests } },
      { test: { ...shared, name: 'engine', include: engineTests, globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
