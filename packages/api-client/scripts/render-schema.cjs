// Turns an OpenAPI document into the client's TypeScript types (openapi-typescript), deterministically.
async function renderClientSchema(document) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)));
  return `/* Generated from openapi.json by \`npm run api:generate\`. Do not edit. */\n${astToString(ast)}`;
}

module.exports = { renderClientSchema };
