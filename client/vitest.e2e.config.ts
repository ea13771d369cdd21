import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A screen is waited for as a person would wait for it: on a loaded 2-core machine a
    // reload, a sign-in (scrypt) or a lazily loaded chunk can take more than expect.poll's
    // default second, and a test that fails on that says nothing about the product.
    expect: { poll: { timeout: 10_000 } },
  },
});
