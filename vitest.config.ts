import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['events/**/*.test.ts', 'services/**/*.test.ts', 'testing/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'dist'],
    // Integration tests open real SQLite files and real sockets; two cores is the budget.
    pool: 'forks',
    testTimeout: 30_000,
    // CI also writes machine-readable results, from which .ci/run prints its closing summary line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/test-results.json' }]] : ['default'],
  },
});
