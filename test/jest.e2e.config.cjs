// End-to-end tier: the built server as a process, a real engine and registry, and Chromium.
const path = require('node:path');
const preset = require('../jest.preset.cjs');

module.exports = {
  ...preset,
  rootDir: path.join(__dirname, '..'),
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 180000,
  globalSetup: '<rootDir>/test/env/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/env/jest-global-teardown.ts',
};
