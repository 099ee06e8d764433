/** Injection token of the validated `AuthConfig`. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
/** Injection token of the server-level settings auth needs (public URL, listen address). */
export const AUTH_SERVER_INFO = Symbol('AUTH_SERVER_INFO');

export interface AuthServerInfo {
  publicUrl?: string;
  host: string;
  port: number;
}
