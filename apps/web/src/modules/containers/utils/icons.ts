/**
 * How a container's `displayIcon` (the `tidewatch.display.icon` / `wud.display.icon` label) is
 * shown, without an icon mega-package:
 * - `http://…` / `https://…`: the image itself;
 * - `mdi:name`, `si:name`, `fa:name` (or any `prefix:name` / `prefix-name`): one of a small
 *   built-in set of line icons, picked by keywords in the name (`mdi:database`, `si:postgresql`
 *   and `si:redis` all show the database icon);
 * - anything else: a letter monogram with a colour derived from the name.
 */
export const BUILTIN_ICONS = [
  'container',
  'database',
  'globe',
  'server',
  'shield',
  'chart',
  'home',
  'media',
  'music',
  'cloud',
  'mail',
  'chat',
  'code',
  'download',
  'image',
  'doc',
  'network',
  'bell',
  'tools',
] as const;
export type BuiltinIcon = (typeof BUILTIN_ICONS)[number];

export type ResolvedIcon =
  | { kind: 'image'; src: string }
  | { kind: 'builtin'; name: BuiltinIcon }
  | { kind: 'monogram'; letter: string; hue: number };

/** Keywords looked for in the icon name, in this order (the first match wins). */
const KEYWORDS: Array<[BuiltinIcon, string[]]> = [
  ['container', ['docker', 'container', 'package', 'cube', 'kubernetes', 'podman', 'whale']],
  [
    'database',
    [
      'database',
      'postgres',
      'mysql',
      'maria',
      'redis',
      'mongo',
      'sqlite',
      'influx',
      'couch',
      'valkey',
      'memcache',
      'elastic',
    ],
  ],
  [
    'network',
    [
      'network',
      'lan',
      'router',
      'wifi',
      'dns',
      'pihole',
      'adguard',
      'wireguard',
      'vpn',
      'proxy',
      'traefik',
      'tailscale',
      'ethernet',
    ],
  ],
  [
    'shield',
    ['shield', 'lock', 'vault', 'warden', 'auth', 'keycloak', 'security', 'key', 'crowdsec'],
  ],
  [
    'chart',
    [
      'chart',
      'grafana',
      'prometheus',
      'monitor',
      'graph',
      'uptime',
      'netdata',
      'analytics',
      'gauge',
      'loki',
    ],
  ],
  ['home', ['home']],
  [
    'media',
    ['play', 'movie', 'film', 'plex', 'jellyfin', 'emby', 'video', 'television', 'youtube', 'kodi'],
  ],
  ['music', ['music', 'audio', 'navidrome', 'spotify', 'headphones', 'podcast']],
  ['cloud', ['cloud', 'sync', 'minio', 's3']],
  ['mail', ['mail', 'smtp', 'postfix', 'inbox']],
  [
    'chat',
    [
      'chat',
      'message',
      'matrix',
      'mattermost',
      'discord',
      'slack',
      'rocket',
      'signal',
      'telegram',
      'forum',
    ],
  ],
  ['code', ['code', 'git', 'forgejo', 'gitea', 'jenkins', 'drone', 'terminal', 'console']],
  [
    'download',
    [
      'download',
      'torrent',
      'transmission',
      'sabnzbd',
      'nzb',
      'sonarr',
      'radarr',
      'lidarr',
      'prowlarr',
      'deluge',
    ],
  ],
  ['image', ['image', 'photo', 'camera', 'immich', 'gallery', 'picture']],
  ['doc', ['book', 'file', 'doc', 'paperless', 'wiki', 'note', 'library', 'calibre']],
  [
    'globe',
    ['web', 'earth', 'globe', 'nginx', 'apache', 'caddy', 'httpd', 'www', 'browser', 'internet'],
  ],
  ['server', ['server', 'rack', 'nas', 'storage', 'harddisk', 'disk']],
  ['bell', ['bell', 'notif', 'alert', 'ntfy', 'gotify']],
  ['tools', ['cog', 'tool', 'wrench', 'settings', 'gear', 'admin', 'portainer']],
];

function hueOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function monogram(text: string): ResolvedIcon {
  const letter = (/[a-z0-9]/i.exec(text)?.[0] ?? '?').toUpperCase();
  return { kind: 'monogram', letter, hue: hueOf(text.toLowerCase()) };
}

export function resolveIcon(
  displayIcon: string | null | undefined,
  fallbackName: string,
): ResolvedIcon {
  const icon = (displayIcon ?? '').trim();
  if (/^https?:\/\//i.test(icon)) return { kind: 'image', src: icon };
  if (!icon) return { kind: 'builtin', name: 'container' };
  // `mdi:docker`, `mdi-docker`, `si:postgresql`, `sh:immich`, `hl-grafana` …
  const name = icon.replace(/^[a-z]{1,5}[:-]/i, '').toLowerCase();
  for (const [builtin, words] of KEYWORDS)
    if (words.some((word) => name.includes(word))) return { kind: 'builtin', name: builtin };
  return monogram(name || fallbackName);
}

/** SVG path data (24×24, stroked) of the built-in icons. */
export const ICON_PATHS: Record<BuiltinIcon, string> = {
  container: 'M12 3 3 7.5v9L12 21l9-4.5v-9L12 3Z M3 7.5l9 4.5 9-4.5 M12 12v9',
  database:
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3Z M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  globe:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z M3 12h18 M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3Z',
  server: 'M4 4h16v7H4z M4 13h16v7H4z M8 7.5h.01 M8 16.5h.01',
  shield: 'M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Z M9 12l2 2 4-4',
  chart: 'M4 4v16h16 M7 15l4-4 3 3 5-6',
  home: 'M3 11 12 4l9 7 M5 10v10h14V10 M10 20v-6h4v6',
  media: 'M4 5h16v14H4z M10 9v6l5-3-5-3Z',
  music: 'M9 18V5l11-2v13 M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z M20 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z',
  cloud: 'M7 18h10a4 4 0 0 0 .5-8 6 6 0 0 0-11.6 1.5A3.3 3.3 0 0 0 7 18Z',
  mail: 'M3 6h18v12H3z M3 7l9 6 9-6',
  chat: 'M4 5h16v11H9l-5 4V5Z M8 9h8 M8 12h5',
  code: 'M8 8l-4 4 4 4 M16 8l4 4-4 4 M13.5 5l-3 14',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
  image: 'M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4 M15 9h.01',
  doc: 'M6 3h9l4 4v14H6z M14 3v5h5 M9 13h7 M9 17h7',
  network: 'M9 3h6v5H9z M12 8v4 M5 16v-4h14v4 M3 16h4v4H3z M10 16h4v4h-4z M17 16h4v4h-4z',
  bell: 'M6 16v-5a6 6 0 1 1 12 0v5l2 2H4l2-2Z M10 20a2 2 0 0 0 4 0',
  tools: 'M4 6h9 M17 6h3 M4 12h3 M11 12h9 M4 18h11 M19 18h1 M15 4v4 M9 10v4 M17 16v4',
};
