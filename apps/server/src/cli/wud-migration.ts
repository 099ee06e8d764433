/**
 * What's Up Docker (WUD) environment → Tidewatch environment. Tidewatch reads `WUD_*` variables
 * as they are; this prints the native `TIDEWATCH_*` names and says what has no equivalent. Pure:
 * the caller reads the input and validates the result against the real configuration loader.
 */

/** One variable of a WUD environment, in input order. */
export interface EnvEntry {
  name: string;
  value: string;
}

export type MigrationLine =
  | {
      kind: 'setting';
      name: string;
      value: string;
      from: string;
      group: number;
      component?: string;
      note?: string;
    }
  | { kind: 'unsupported'; from: string; reason: string; group: number };

export interface MigrationResult {
  lines: MigrationLine[];
  /** Remarks printed in the header (ignored variables, mounts…). */
  notes: string[];
}

// Output sections, in print order.
const GROUP = {
  general: 0,
  watcher: 1,
  registry: 2,
  trigger: 3,
  auth: 4,
  metrics: 5,
  unsupported: 9,
} as const;

const WATCHER_KEYS = new Set([
  'SOCKET',
  'HOST',
  'PORT',
  'PROTOCOL',
  'CAFILE',
  'CERTFILE',
  'KEYFILE',
  'CRON',
  'JITTER',
  'WATCHBYDEFAULT',
  'WATCHALL',
  'WATCHEVENTS',
  'WATCHATSTART',
]);
const REGISTRY_TYPES = new Set([
  'HUB',
  'GHCR',
  'QUAY',
  'GITLAB',
  'LSCR',
  'GITEA',
  'ECR',
  'GCR',
  'ACR',
  'CUSTOM',
]);
// WUD registry providers served by a Tidewatch provider under another name.
const REGISTRY_ALIASES: Record<string, { type: string; note: string }> = {
  FORGEJO: { type: 'GITEA', note: 'Forgejo registries use the gitea provider' },
  CODEBERG: {
    type: 'GITEA',
    note: 'Codeberg is a Forgejo instance: the gitea provider with URL=https://codeberg.org',
  },
};
// WUD trigger types and their Tidewatch names. Types absent here have no Tidewatch equivalent.
const TRIGGER_TYPES: Record<string, string> = {
  HTTP: 'WEBHOOK',
  SMTP: 'EMAIL',
  DOCKERCOMPOSE: 'COMPOSE',
  DOCKER: 'DOCKER',
  SLACK: 'SLACK',
  DISCORD: 'DISCORD',
  TELEGRAM: 'TELEGRAM',
  NTFY: 'NTFY',
  GOTIFY: 'GOTIFY',
  MQTT: 'MQTT',
  COMMAND: 'COMMAND',
};
const TRIGGER_KEY_RENAMES: Record<string, string> = { SIMPLETITLE: 'TITLE', SIMPLEBODY: 'BODY' };
const LOG_LEVELS: Record<string, string> = {
  fatal: 'error',
  error: 'error',
  warn: 'warn',
  info: 'info',
  debug: 'debug',
  trace: 'verbose',
};

/** `KEY=value` lines (docker `--env-file`, compose `.env`): comments, `export`, quotes. */
export function parseEnvFile(text: string): { entries: EnvEntry[]; skipped: string[] } {
  const entries: EnvEntry[] = [];
  const skipped: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s*export\s+/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) {
      skipped.push(line.trim());
      continue;
    }
    const name = line.slice(0, equals).trim();
    let value = line.slice(equals + 1);
    const trimmed = value.trim();
    if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
      value = trimmed
        .slice(1, -1)
        .replace(/\\(["\\$`n])/g, (_match, char: string) => (char === 'n' ? '\n' : char));
    } else if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
      value = trimmed.slice(1, -1);
    }
    entries.push({ name, value });
  }
  return { entries, skipped };
}

interface InspectMount {
  Type?: string;
  Source?: string;
  Destination?: string;
  RW?: boolean;
}

interface InspectContainer {
  Name?: string;
  Config?: { Env?: string[]; Image?: string };
  Mounts?: InspectMount[];
}

/** `docker inspect <wud container>` output (an array of one, or one object). */
export function parseDockerInspect(text: string): { entries: EnvEntry[]; notes: string[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `not docker inspect JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const containers = (Array.isArray(document) ? document : [document]) as InspectContainer[];
  if (containers.length === 0 || typeof containers[0] !== 'object' || containers[0] === null)
    throw new Error('docker inspect output holds no container');
  const container =
    containers.find((candidate) =>
      (candidate.Config?.Env ?? []).some((entry) => entry.startsWith('WUD_')),
    ) ?? containers[0];
  if (!Array.isArray(container.Config?.Env))
    throw new Error('docker inspect output has no Config.Env');
  const entries = container.Config.Env.map((entry) => {
    const equals = entry.indexOf('=');
    return equals === -1
      ? { name: entry, value: '' }
      : { name: entry.slice(0, equals), value: entry.slice(equals + 1) };
  });
  const notes: string[] = [];
  if (container.Name || container.Config.Image)
    notes.push(
      `From container ${container.Name?.replace(/^\//, '') ?? '?'} (image ${container.Config.Image ?? '?'}).`,
    );
  for (const mount of container.Mounts ?? []) {
    if (mount.Destination === '/var/run/docker.sock' || mount.Source?.endsWith('docker.sock')) {
      notes.push(
        `Docker socket ${mount.Source ?? ''} → ${mount.Destination ?? ''} (${mount.RW === false ? 'read-only' : 'read-write'}): mount it the same way for Tidewatch; read-only is enough without update actions.`,
      );
    } else if (mount.Destination === '/store') {
      notes.push(
        `WUD's store (${mount.Source ?? mount.Destination}) is not imported: Tidewatch keeps its SQLite database in TIDEWATCH_DATA_DIR (/data in the image); mount a volume there. State is rebuilt by the first check.`,
      );
    } else if (mount.Destination) {
      notes.push(
        `Mount ${mount.Source ?? ''} → ${mount.Destination}: keep it if a setting points into it (certificates, compose files).`,
      );
    }
  }
  return { entries, notes };
}

/** `KEY`, `KEY__FILE` → the setting and whether it reads a file. */
function splitFileSuffix(name: string): { base: string; fileSuffix: string } {
  return name.endsWith('__FILE')
    ? { base: name.slice(0, -'__FILE'.length), fileSuffix: '__FILE' }
    : { base: name, fileSuffix: '' };
}

function migrateOne(entry: EnvEntry): MigrationLine[] {
  const { base, fileSuffix } = splitFileSuffix(entry.name);
  const from = entry.name;
  const parts = base.slice('WUD_'.length).split('_').filter(Boolean);
  const upper = parts.map((part) => part.toUpperCase());
  const setting = (
    name: string,
    group: number,
    extra: { value?: string; component?: string; note?: string } = {},
  ): MigrationLine => ({
    kind: 'setting',
    name: `TIDEWATCH_${name}${fileSuffix}`,
    value: extra.value ?? entry.value,
    from,
    group,
    ...(extra.component ? { component: extra.component } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  });
  const unsupported = (reason: string): MigrationLine => ({
    kind: 'unsupported',
    from,
    reason,
    group: GROUP.unsupported,
  });
  const [section, ...rest] = upper;
  switch (section) {
    case 'WATCHER': {
      let segments = parts.slice(1);
      // 9.x form WUD_WATCHER_{DOCKER|KUBERNETES}_{name}_{key}
      if (rest[0] === 'KUBERNETES' && rest.length >= 3)
        return [unsupported('Kubernetes watchers do not exist in Tidewatch (Docker engines only)')];
      if (rest[0] === 'DOCKER' && rest.length >= 3 && WATCHER_KEYS.has(rest.slice(2).join('')))
        segments = segments.slice(1);
      if (segments.length < 2) return [unsupported('expected WUD_WATCHER_{name}_{setting}')];
      const [name, ...keyParts] = segments;
      const key = keyParts.join('').toUpperCase();
      if (key === 'WATCHDIGEST')
        return [
          unsupported('deprecated in WUD; use the tidewatch.watch.digest label per container'),
        ];
      if (key === 'WATCHDIGESTDEFAULT' || key === 'DELAY')
        return [unsupported(`${key} has no Tidewatch equivalent yet`)];
      if (!WATCHER_KEYS.has(key)) return [unsupported(`unknown watcher setting ${key}`)];
      return [setting(`WATCHER_${name}_${key}`, GROUP.watcher, { component: `WATCHER_${name}` })];
    }
    case 'REGISTRY': {
      if (rest.length < 2) return [unsupported('expected WUD_REGISTRY_{type}_{name}_{setting}')];
      let type = rest[0];
      let note: string | undefined;
      if (REGISTRY_ALIASES[type]) {
        note = REGISTRY_ALIASES[type].note;
        type = REGISTRY_ALIASES[type].type;
      }
      if (!REGISTRY_TYPES.has(type))
        return [
          unsupported(
            `registry provider ${rest[0].toLowerCase()} does not exist in Tidewatch (a custom registry with URL may serve it)`,
          ),
        ];
      // WUD 6.x had no instance name (WUD_REGISTRY_HUB_LOGIN): that is the default instance.
      const [name, ...keyParts] = rest.length === 2 ? ['PUBLIC', rest[1]] : parts.slice(2);
      const key = keyParts.join('_').toUpperCase();
      return [
        setting(`REGISTRY_${type}_${name}_${key}`, GROUP.registry, {
          component: `REGISTRY_${type}_${name}`,
          ...(note ? { note } : {}),
        }),
      ];
    }
    case 'TRIGGER': {
      if (rest.length < 3) return [unsupported('expected WUD_TRIGGER_{type}_{name}_{setting}')];
      const type = TRIGGER_TYPES[rest[0]];
      if (!type)
        return [unsupported(`${rest[0].toLowerCase()} triggers do not exist in Tidewatch`)];
      const [name, ...keyParts] = parts.slice(2);
      const rawKey = keyParts.join('_').toUpperCase();
      const key = TRIGGER_KEY_RENAMES[rawKey] ?? rawKey;
      return [
        setting(`TRIGGER_${type}_${name}_${key}`, GROUP.trigger, {
          component: `TRIGGER_${type}_${name}`,
          ...(key !== rawKey ? { note: `WUD's ${rawKey} is ${key} here` } : {}),
        }),
      ];
    }
    case 'SERVER': {
      const key = rest.join('_');
      if (key === 'PORT') return [setting('SERVER_PORT', GROUP.general)];
      if (key === 'METRICS_AUTH') return [setting('METRICS_AUTH', GROUP.metrics)];
      if (key === 'ENABLED')
        return [unsupported('the API and UI always run (they serve /health and the webhooks too)')];
      if (key.startsWith('TLS'))
        return [
          unsupported(
            'HTTPS is not served directly: put Tidewatch behind a reverse proxy that terminates TLS',
          ),
        ];
      if (key.startsWith('CORS')) return [setting(`SERVER_${key}`, GROUP.general)];
      if (key === 'FEATURE_DELETE')
        return [
          unsupported('deleting containers from the store is always allowed to signed-in users'),
        ];
      return [unsupported(`server setting ${key} has no Tidewatch equivalent`)];
    }
    case 'STORE':
      return [
        unsupported(
          "WUD's JSON store is not used: Tidewatch keeps SQLite in TIDEWATCH_DATA_DIR (or PostgreSQL with TIDEWATCH_DATABASE_URL)",
        ),
      ];
    case 'LOG': {
      const key = rest.join('_');
      if (key === 'LEVEL') {
        const level = LOG_LEVELS[entry.value.trim().toLowerCase()];
        return level
          ? [
              setting('LOG_LEVEL', GROUP.general, {
                value: level,
                ...(level !== entry.value.trim().toLowerCase()
                  ? { note: `WUD's ${entry.value} is ${level} here` }
                  : {}),
              }),
            ]
          : [unsupported(`unknown log level "${entry.value}"`)];
      }
      if (key === 'FORMAT')
        return [setting('LOG_FORMAT', GROUP.general, { value: entry.value.trim().toLowerCase() })];
      return [unsupported(`log setting ${key} has no Tidewatch equivalent`)];
    }
    case 'PUBLIC':
      return rest.join('_') === 'URL'
        ? [setting('PUBLIC_URL', GROUP.general)]
        : [unsupported('unknown setting')];
    case 'PROMETHEUS':
      return rest.join('_') === 'ENABLED'
        ? [
            setting('METRICS_ENABLED', GROUP.metrics, {
              note: 'GET /metrics needs Authorization: Bearer <TIDEWATCH_METRICS_TOKEN> unless TIDEWATCH_METRICS_AUTH=false',
            }),
          ]
        : [unsupported('unknown setting')];
    case 'AUTH': {
      // Same scheme as WUD: Basic users (htpasswd hashes), OIDC providers, the 9.x admin.
      const component =
        (rest[0] === 'BASIC' || rest[0] === 'OIDC') && rest.length >= 3
          ? `AUTH_${rest[0]}_${parts[2]}`
          : undefined;
      return [
        setting(
          `AUTH_${parts.slice(1).join('_').toUpperCase()}`,
          GROUP.auth,
          component ? { component } : {},
        ),
      ];
    }
    case 'RUN':
      return [
        unsupported(
          'run modes do not exist: the server runs continuously; use `tidewatch check` for one-shot runs',
        ),
      ];
    case 'EVENT':
      return [
        unsupported(
          'GitLab event hooks are not converted: use POST /api/webhooks/registry/{name} (README, Webhooks)',
        ),
      ];
    default:
      return [unsupported('unknown WUD setting')];
  }
}

/** Maps a WUD environment to Tidewatch settings (unvalidated; see {@link renderMigration}). */
export function migrateWudEnv(entries: readonly EnvEntry[]): MigrationResult {
  const lines: MigrationLine[] = [];
  const ignored: string[] = [];
  const native = new Set(
    entries
      .filter((entry) => entry.name.startsWith('TIDEWATCH_'))
      .map((entry) => splitFileSuffix(entry.name).base),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('WUD_')) {
      for (const line of migrateOne(entry)) {
        // An explicit TIDEWATCH_ variable of the same setting wins, as it does at boot.
        if (line.kind === 'setting' && native.has(splitFileSuffix(line.name).base)) continue;
        lines.push(line);
      }
    } else if (entry.name.startsWith('TIDEWATCH_')) {
      lines.push({
        kind: 'setting',
        name: entry.name,
        value: entry.value,
        from: entry.name,
        group: GROUP.general,
        component: componentOf(entry.name),
      });
    } else if (entry.name === 'TZ') {
      lines.push({
        kind: 'setting',
        name: 'TZ',
        value: entry.value,
        from: 'TZ',
        group: GROUP.general,
      });
    } else {
      ignored.push(entry.name);
    }
  }
  const notes: string[] = [];
  if (ignored.length > 0)
    notes.push(
      `Not WUD settings, left out: ${ignored.slice(0, 12).join(', ')}${ignored.length > 12 ? `, … (${ignored.length} in all)` : ''}.`,
    );
  lines.sort((a, b) => a.group - b.group);
  return { lines, notes };
}

/** `TIDEWATCH_TRIGGER_WEBHOOK_OPS_URL` → `TRIGGER_WEBHOOK_OPS` (lines commented out together). */
export function componentOf(name: string): string | undefined {
  const parts = splitFileSuffix(name)
    .base.replace(/^TIDEWATCH_/, '')
    .split('_');
  if ((parts[0] === 'TRIGGER' || parts[0] === 'REGISTRY') && parts.length >= 4)
    return parts.slice(0, 3).join('_');
  if (parts[0] === 'AUTH' && (parts[1] === 'BASIC' || parts[1] === 'OIDC') && parts.length >= 4)
    return parts.slice(0, 3).join('_');
  if (parts[0] === 'WATCHER' && parts.length >= 3) return parts.slice(0, 2).join('_');
  return undefined;
}

/**
 * Marks the lines of a component (or one variable) as not working, with the reason the loader
 * gave. A missing required setting names a variable that is not there: its component goes.
 */
export function rejectSetting(result: MigrationResult, variable: string, reason: string): boolean {
  const target = result.lines.find((line) => line.kind === 'setting' && line.name === variable);
  const component = target?.kind === 'setting' ? target.component : componentOf(variable);
  if (!target && !component) return false;
  let rejected = false;
  result.lines = result.lines.map((line) => {
    if (
      line.kind !== 'setting' ||
      !(line === target || (component !== undefined && line.component === component))
    )
      return line;
    rejected = true;
    return {
      kind: 'unsupported',
      from: line.from,
      reason:
        line === target
          ? `rejected by Tidewatch: ${reason}`
          : `part of ${component}, which Tidewatch rejected (${variable}: ${reason})`,
      group: GROUP.unsupported,
    };
  });
  result.lines.sort((a, b) => a.group - b.group);
  return rejected;
}

function quoteIfNeeded(value: string): string {
  // docker --env-file takes values literally; only line breaks cannot be written as is.
  return value.includes('\n') ? JSON.stringify(value) : value;
}

/** The printed configuration: env-file lines, comments for notes and for anything unsupported. */
export function renderMigration(result: MigrationResult, validation: string | null): string {
  const out = [
    '# Tidewatch configuration converted from What’s Up Docker by `tidewatch migrate-from-wud`.',
    '# WUD_* variables also work unchanged; these are the native names. Container labels wud.* keep',
    '# working as the twins of tidewatch.* labels.',
    ...result.notes.map((note) => `# NOTE: ${note}`),
  ];
  if (validation) out.push(`# NOTE: ${validation}`);
  let group = -1;
  for (const line of result.lines) {
    if (line.kind === 'unsupported') {
      if (group !== 9)
        out.push('', '# Not converted (no equivalent in Tidewatch, or rejected by it):');
      group = 9;
      out.push(`# UNSUPPORTED ${line.from}: ${line.reason}`);
      continue;
    }
    if (line.group !== group) out.push('');
    group = line.group;
    if (line.note) out.push(`# ${line.from}: ${line.note}`);
    out.push(`${line.name}=${quoteIfNeeded(line.value)}`);
  }
  return `${out.join('\n')}\n`;
}
