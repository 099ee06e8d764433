// Unit tier: every project's *.spec.ts(x), pure and fast.
module.exports = {
  projects: [
    '<rootDir>/packages/core',
    '<rootDir>/packages/triggers',
    '<rootDir>/apps/server',
    '<rootDir>/apps/web',
  ],
};
