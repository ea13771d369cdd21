import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql for the code under test and the libraries it hands schemas to (Apollo,
    // graphql-query-complexity): Node loads graphql's CommonJS entry, Vite would otherwise
    // pick its ES module one, and graphql refuses types from "another realm".
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The files share one seeded database and read it; the ones that write use their own.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
