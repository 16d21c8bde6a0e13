// Unit tests (pure) and integration tests (real PostgreSQL: a database per run, created by
// __tests__/setup/global-setup.mjs — on DATABASE_URL's server, or on an embedded PostgreSQL).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/__tests__/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@prisma/client/runtime/)'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    // The generated client imports ESM builds of the query compiler; jest runs CommonJS.
    '^@prisma/client/runtime/(query_compiler_.*)\\.mjs$':
      '<rootDir>/node_modules/@prisma/client/runtime/$1.js',
  },
  // ESM-only parsers (remark, htmlparser2, pdf.js) loaded through Node's own require.
  setupFiles: [
    '<rootDir>/__tests__/setup/esm-bridge.ts',
    '<rootDir>/__tests__/setup/fast-check.ts',
  ],
  globalSetup: '<rootDir>/__tests__/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/setup/global-teardown.mjs',
  reporters: ['default', '<rootDir>/__tests__/setup/summary-reporter.js'],
  testTimeout: 30_000,
  maxWorkers: 2,
};
