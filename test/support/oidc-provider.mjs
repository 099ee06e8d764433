// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for sign-in tests.
// Run as a child process (it is an ES module): node oidc-provider.mjs, configured by environment:
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS (comma-separated)
// Accounts: any login works on its development login form; the groups claim comes from
// OIDC_GROUPS = JSON {"alice": ["tw-admins"], …}. Prints "READY <issuer>" when listening.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const groups = JSON.parse(process.env.OIDC_GROUPS ?? '{}');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: (process.env.OIDC_REDIRECT_URIS ?? '').split(','),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: id, preferred_username: id, email: `${id}@example.test`, groups: groups[id] ?? [] };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['tidewatch-test-cookie-key'] },
});

provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`READY ${issuer}\n`);
});
