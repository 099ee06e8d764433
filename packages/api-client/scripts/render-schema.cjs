// Turns an OpenAPI document into the client's TypeScript types (openapi-typescript), deterministically.
// Run as a script (`node render-schema.cjs openapi.json`) it prints the types: jest's module
// system cannot load openapi-typescript's ESM dependencies, plain Node (20.19+) can.
async function renderClientSchema(document) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)));
  return `/* Generated from openapi.json by \`npm run api:generate\`. Do not edit. */\n${astToString(ast)}`;
}

if (require.main === module) {
  const document = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
  renderClientSchema(document).then(
    (text) => process.stdout.write(text),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { renderClientSchema };
