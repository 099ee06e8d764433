const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: require('./package.json').name, rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
