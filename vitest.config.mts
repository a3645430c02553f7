import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/real-clients/**', 'node_modules/**'],
    testTimeout: 60000,
  },
});
