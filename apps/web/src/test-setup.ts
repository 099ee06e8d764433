import '@testing-library/jest-dom';
import { Headers, Request as UndiciRequest, Response } from 'undici';
import { handleFetch } from './testing/fake-api';

/** Resolves relative URLs against the page, as a browser's Request does. */
class Request extends UndiciRequest {
  constructor(
    input: string | URL | UndiciRequest,
    init?: ConstructorParameters<typeof UndiciRequest>[1],
  ) {
    super(typeof input === 'string' ? new URL(input, window.location.href).href : input, init);
  }
}

// The app's API client captures fetch when it is created: it gets the test server of
// testing/fake-api.ts, which fails loudly on any request a test did not expect.
Object.assign(globalThis, { Request, Response, Headers, fetch: handleFetch });

// jsdom does not scroll; the window virtualiser calls this when it mounts.
window.scrollTo = () => undefined;

afterEach(async () => {
  const { resetApi } = await import('./testing/fake-api');
  resetApi();
});
