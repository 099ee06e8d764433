const MASK = '[REDACTED]';

/**
 * Replaces known secret values in text, including the forms they take inside a JSON log line
 * (escaped quotes and backslashes) and in URLs (percent-encoded). Secrets can be added at run
 * time (e.g. a trigger created in the UI).
 */
export class SecretRedactor {
  private variants: string[] = [];
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    this.add(secrets);
  }

  add(secrets: Iterable<string | null | undefined>): void {
    let changed = false;
    for (const secret of secrets) {
      if (typeof secret !== 'string' || secret.length === 0 || this.secrets.has(secret)) continue;
      this.secrets.add(secret);
      changed = true;
    }
    if (!changed) return;
    const variants = new Set<string>();
    for (const secret of this.secrets) {
      variants.add(secret);
      variants.add(JSON.stringify(secret).slice(1, -1));
      const encoded = encodeURIComponent(secret);
      variants.add(encoded);
      variants.add(encoded.replace(/%20/g, '+'));
      variants.add(JSON.stringify(encoded).slice(1, -1));
    }
    // Longest first, so a secret containing another is masked whole.
    this.variants = [...variants]
      .filter((variant) => variant.length > 0)
      .sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.secrets.size;
  }

  redact(text: string): string {
    let result = text;
    for (const variant of this.variants) {
      if (result.includes(variant)) result = result.split(variant).join(MASK);
    }
    return result;
  }
}

/** Where log lines go: anything with a `write(line)` (a file descriptor stream, pino-pretty). */
export interface LineSink {
  write(line: string): unknown;
}

/** A pino destination that scrubs every line before passing it on. */
export function redactingDestination(redactor: SecretRedactor, sink: LineSink): LineSink {
  return {
    write(line: string) {
      return sink.write(redactor.redact(line));
    },
  };
}

// Query parameters that carry credentials (webhook `?token=`, OAuth-style access tokens).
const SECRET_QUERY = /^(token|access_token|api_key|apikey|key|password|secret|sig|signature)$/i;

/** `/api/webhooks/registry/hub?token=abc` → `/api/webhooks/registry/hub?token=[REDACTED]`. */
export function scrubUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const question = url.indexOf('?');
  if (question === -1) return url;
  const params = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return SECRET_QUERY.test(decodeURIComponent(name.replace(/\+/g, ' ')))
        ? `${name}=${MASK}`
        : pair;
    });
  return `${url.slice(0, question)}?${params.join('&')}`;
}
