// `npm run bench [-- detection api …]`: installs what is missing, builds, then runs the benchmarks
// on the real test environment and prints their figures.
import { build, ensureNodeModules, mustRun } from './lib.mjs';

ensureNodeModules();
build();
mustRun('npx', ['tsx', 'test/bench/run.ts', ...process.argv.slice(2)]);
