// The web client is generated from the OpenAPI document: fail when the committed files drift from
// what the current controllers produce (fix with `npm run api:generate`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiDocument } from './bin/openapi-document';

const clientDir = join(__dirname, '..', '..', '..', 'packages', 'api-client');

/** Renders the client types in a plain Node process (see render-schema.cjs for why). */
function renderClientSchema(documentFile: string): string {
  return execFileSync(process.execPath, [join(clientDir, 'scripts', 'render-schema.cjs'), documentFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('generated API client', () => {
  it('openapi.json matches the controllers', async () => {
    const document = await generateOpenApiDocument();
    const committed: unknown = JSON.parse(readFileSync(join(clientDir, 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(document))).toEqual(committed);
  });

  it('schema.d.ts matches openapi.json', () => {
    expect(renderClientSchema(join(clientDir, 'openapi.json'))).toBe(readFileSync(join(clientDir, 'src', 'schema.d.ts'), 'utf8'));
  });

  it('documents every route with its responses', async () => {
    const document = await generateOpenApiDocument();
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item as Record<string, { responses?: object }>));
    expect(operations.length).toBeGreaterThan(5);
    for (const operation of operations) expect(Object.keys(operation.responses ?? {})).not.toHaveLength(0);
  });
});
