// `npm start`: install if needed, build if needed, then run Tidewatch (migrations run at start).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, ensureNodeModules, root } from './lib.mjs';

ensureNodeModules();
build(['@tidewatch/server', '@tidewatch/web']);

const server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
