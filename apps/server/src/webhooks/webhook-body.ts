import type { INestApplication } from '@nestjs/common';
import express from 'express';

export const WEBHOOKS_PATH = '/api/webhooks';

/**
 * Webhook bodies are kept raw: signatures are computed over the exact bytes, and senders use
 * media types the JSON parser would skip (`application/vnd.docker.distribution.events.v2+json`).
 * Must be registered before the app's JSON parser, which then leaves these requests alone.
 */
export function useRawWebhookBodies(app: INestApplication): void {
  app.use(WEBHOOKS_PATH, express.raw({ type: () => true, limit: '1mb' }));
}
