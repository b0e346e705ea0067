// Unit tests live beside the code they test; integration and e2e tests boot the real Strapi.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};

const common = {
  testEnvironment: 'node',
  transform,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/.tmp/'],
};

module.exports = {
  // Integration files boot Strapi (a few seconds, more on a cold PostgreSQL); jest ignores this per project.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/plugins/**/*.test.ts', '<rootDir>/src/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/build-admin.js',
    },
  ],
};
