import { bearerToken, safeEqual } from '../webhooks/webhook-auth';

export type MetricsAccess = 'allowed' | 'disabled' | 'no-token-configured' | 'unauthorized';

/**
 * Who may scrape `/metrics`: everyone when `TIDEWATCH_METRICS_AUTH=false`, otherwise callers
 * with `Authorization: Bearer <TIDEWATCH_METRICS_TOKEN>` (compared in constant time).
 */
export function metricsAccess(
  settings: { enabled: boolean; auth: boolean; token?: string },
  authorization: string | undefined,
): MetricsAccess {
  if (!settings.enabled) return 'disabled';
  if (!settings.auth) return 'allowed';
  if (!settings.token) return 'no-token-configured';
  const given = bearerToken(authorization);
  return given !== undefined && safeEqual(given, settings.token) ? 'allowed' : 'unauthorized';
}
