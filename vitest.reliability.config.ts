import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: kill -9 of a replica, PostgreSQL restart under load, disk full (README "Scale-out on PostgreSQL").
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
