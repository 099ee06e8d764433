import type { components } from '@tidewatch/api-client';

type Schemas = components['schemas'];
export type AuthStatus = Schemas['AuthStatusDto'];
export type Me = Schemas['MeDto'];
export type Session = Schemas['SessionDto'];
export type ApiToken = Schemas['ApiTokenDto'];
export type CreatedApiToken = Schemas['CreatedApiTokenDto'];
export type CreateApiTokenInput = Schemas['CreateApiTokenDto'];
