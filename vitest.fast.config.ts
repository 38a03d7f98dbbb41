import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `npm run test:fast`: the dev loop. Only tests that need no real component: test/unit/** and the store
// contracts on SQLite (PostgreSQL is switched off with LOTSE_TEST_POSTGRES=off). No Chromium, Prosody,
// PostgreSQL, spawned servers or kill -9; integration (`*.int.test.ts`), hostile, security, reliability and
// eval tests stay in `npm test`, which CI runs. See test/README.md.
export default defineConfig({
  test: {
    ...base.test,
    // replaced, not merged (mergeConfig would append to the base config's include list)
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/bench/**', '**/*.int.test.ts'],
    env: { LOTSE_TEST_POSTGRES: 'off' },
    // Test files share a worker's module cache (about 5x faster: most time was spent importing the same modules
    // again per file). These tests keep no global state (no vi.mock, no env stubs, fake timers restored); npm test
    // still runs each file isolated, so a test that depends on another file's leftovers fails there.
    isolate: false,
  },
});
