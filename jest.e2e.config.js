// Browser tests: Debian's Chromium (playwright-core) against the production build (`next start`)
// on a fresh database. Run `npm run build` first; CI does.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/__tests__/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  setupFiles: [],
  globalSetup: '<rootDir>/__tests__/e2e/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/e2e/setup/global-teardown.mjs',
  testTimeout: 90_000,
  // One browser at a time on a 2-core machine.
  maxWorkers: 1,
};
