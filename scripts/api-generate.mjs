// Regenerates packages/api-client/openapi.json and src/schema.d.ts from the server's controllers.
// The unit suite fails when the committed files differ from what this produces.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
execFileSync('npx', ['nx', 'run', '@tidewatch/server:build', '--output-style=stream'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
require('reflect-metadata');
const { generateOpenApiDocument } = require(join(root, 'apps/server/dist/bin/openapi-document.js'));
const { renderClientSchema } = require(join(root, 'packages/api-client/scripts/render-schema.cjs'));
const document = await generateOpenApiDocument();
const json = `${JSON.stringify(document, null, 2)}\n`;
writeFileSync(join(root, 'packages/api-client/openapi.json'), json);
writeFileSync(join(root, 'packages/api-client/src/schema.d.ts'), await renderClientSchema(document));
console.log('api-client regenerated');
