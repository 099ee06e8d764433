import { json, serveApi } from '../testing/fake-api';
import { api } from './api';
import { ApiError, errorMessage, unwrap } from './api-error';
import { setUnauthorizedHandler } from './auth-redirect';

describe('API layer', () => {
  afterEach(() => setUnauthorizedHandler(null));

  it('returns data, and throws the server message with the status', async () => {
    serveApi({ 'GET /api/app': () => ({ name: 'tidewatch', version: '1.2.3' }) });
    await expect(unwrap(api.GET('/api/app'))).resolves.toEqual({
      name: 'tidewatch',
      version: '1.2.3',
    });
    serveApi({
      'GET /api/containers': () =>
        json(
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'updateAvailable must be true or false',
          },
          400,
        ),
    });
    const failure = unwrap(api.GET('/api/containers'));
    await expect(failure).rejects.toEqual(
      new ApiError('updateAvailable must be true or false', 400),
    );
    await expect(failure).rejects.toHaveProperty('status', 400);
  });

  it('sends the user to sign in on a 401', async () => {
    const handler = jest.fn();
    setUnauthorizedHandler(handler);
    serveApi({
      'GET /api/watchers': () =>
        json({ statusCode: 401, error: 'Unauthorized', message: 'Sign in first' }, 401),
    });
    await expect(unwrap(api.GET('/api/watchers'))).rejects.toHaveProperty('status', 401);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('words messages sensibly whatever the body', () => {
    expect(errorMessage({ message: ['a', 'b'] }, 400)).toBe('a; b');
    expect(errorMessage('<html>bad gateway</html>', 502)).toBe('<html>bad gateway</html>');
    expect(errorMessage(undefined, 503, 'Service Unavailable')).toBe(
      'The server answered 503 Service Unavailable',
    );
  });
});
