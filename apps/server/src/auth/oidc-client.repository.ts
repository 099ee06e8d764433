import { Injectable } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import type { OidcProviderConfig } from './auth-config';

type OpenIdClientModule = typeof OpenIdClient;

export interface OidcAuthorization {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * The only user of `openid-client` (authorization code flow with PKCE, state and nonce).
 * openid-client 6 is an ES module: loaded with `require()`, which Node ≥ 20.19 allows for ES
 * modules, on first use (so nothing else pays for it, and unit tests never load it).
 */
@Injectable()
export class OidcClientRepository {
  private library: OpenIdClientModule | undefined;
  private readonly configurations = new Map<string, Promise<OpenIdClient.Configuration>>();

  private lib(): OpenIdClientModule {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an ES module, required lazily (see the class comment)
    this.library ??= require('openid-client') as OpenIdClientModule;
    return this.library;
  }

  /** Discovery, cached per provider; a failure is not cached (the provider may come back). */
  private configuration(provider: OidcProviderConfig): Promise<OpenIdClient.Configuration> {
    let found = this.configurations.get(provider.name);
    if (!found) {
      const lib = this.lib();
      found = lib.discovery(new URL(provider.discovery), provider.clientId, provider.clientSecret, undefined, {
        timeout: Math.ceil(provider.timeoutMs / 1000),
        ...(provider.insecure ? { execute: [lib.allowInsecureRequests] } : {}),
      });
      found.catch(() => this.configurations.delete(provider.name));
      this.configurations.set(provider.name, found);
    }
    return found;
  }

  async authorizationUrl(provider: OidcProviderConfig, redirectUri: string): Promise<OidcAuthorization> {
    const lib = this.lib();
    const configuration = await this.configuration(provider);
    const verifier = lib.randomPKCECodeVerifier();
    const state = lib.randomState();
    const nonce = lib.randomNonce();
    const url = lib.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: provider.scope,
      code_challenge: await lib.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, verifier };
  }

  /** Exchanges the code (checking state, nonce and PKCE) and returns the ID token's claims merged with UserInfo. */
  async complete(provider: OidcProviderConfig, callbackUrl: URL, checks: { state: string; nonce: string; verifier: string }): Promise<Record<string, unknown>> {
    const lib = this.lib();
    const configuration = await this.configuration(provider);
    const tokens = await lib.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('The provider returned no ID token');
    let userInfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      userInfo = { ...(await lib.fetchUserInfo(configuration, tokens.access_token, claims.sub)) };
    }
    return { ...userInfo, ...claims };
  }
}
