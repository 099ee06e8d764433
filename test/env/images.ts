// Tiny real images built from busybox-static: `docker import` + `docker push` through an engine,
// or assembled directly through the registry API (fast seeding, multi-arch indexes).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import type { DockerEngine } from './docker-engine';
import { MediaTypes, sha256Digest, type RegistryClient } from './registry-client';
import type { TestRegistry } from './registry';
import { makeTar, type TarEntry } from './tar';
import { requireBinaries } from './util';

const BUSYBOX = '/bin/busybox';
const APPLETS = ['sh', 'sleep', 'true', 'false', 'wget', 'echo', 'cat', 'ls', 'test'];

/**
 * Default CMD: sleeps "forever" but exits at once on SIGTERM/SIGINT (a bare `sleep` as PID 1
 * ignores SIGTERM, so every `docker stop` / daemon shutdown would wait the full 10 s timeout).
 */
export const DEFAULT_CMD = ['sh', '-c', "trap 'exit 0' TERM INT; sleep 100000 & wait"];

export interface HealthcheckSpec {
  /** Exec form, e.g. ['true'] or ['sh', '-c', 'test -f /ok']. */
  cmd: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
}

export interface ImageOptions {
  labels?: Record<string, string>;
  /** Default DEFAULT_CMD (sleep that stops promptly on SIGTERM). */
  cmd?: string[];
  env?: Record<string, string>;
  healthcheck?: HealthcheckSpec;
  /** Extra content for the unique file (/tidewatch-image); a random nonce is always added. */
  content?: string;
}

export interface PushedImage {
  /** 127.0.0.1:PORT/repo:tag */
  reference: string;
  /** Manifest digest in the registry (sha256:…). */
  digest: string;
  repository: string;
  tag: string;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

let busyboxBin: Buffer | undefined;

/** A busybox rootfs as a tar: bin/busybox + applet symlinks + tmp/ + a unique file. */
function rootfsTar(unique: string): Buffer {
  if (!busyboxBin) {
    requireBinaries(BUSYBOX);
    busyboxBin = fs.readFileSync(BUSYBOX);
  }
  const entries: TarEntry[] = [
    { type: 'dir', path: 'bin' },
    { type: 'file', path: 'bin/busybox', data: busyboxBin, mode: 0o755 },
    ...APPLETS.map((a): TarEntry => ({ type: 'symlink', path: `bin/${a}`, target: 'busybox' })),
    { type: 'dir', path: 'tmp', mode: 0o1777 },
    { type: 'file', path: 'tidewatch-image', data: Buffer.from(unique) },
  ];
  return makeTar(entries, Math.floor(Date.now() / 1000));
}

function uniqueContent(repo: string, tag: string, extra?: string): string {
  return `${repo}:${tag}\n${extra ?? ''}\n${crypto.randomBytes(16).toString('hex')}\n`;
}

function dockerfileChanges(opts: ImageOptions): string[] {
  const changes: string[] = [];
  changes.push(`CMD ${JSON.stringify(opts.cmd ?? DEFAULT_CMD)}`);
  changes.push('ENV PATH=/bin');
  for (const [k, v] of Object.entries(opts.env ?? {}))
    changes.push(`ENV ${k}=${JSON.stringify(v)}`);
  for (const [k, v] of Object.entries(opts.labels ?? {}))
    changes.push(`LABEL ${JSON.stringify(k)}=${JSON.stringify(v)}`);
  const h = opts.healthcheck;
  if (h) {
    const flags = [
      `--interval=${h.interval ?? '1s'}`,
      `--timeout=${h.timeout ?? '1s'}`,
      `--retries=${h.retries ?? 1}`,
    ];
    if (h.startPeriod) flags.push(`--start-period=${h.startPeriod}`);
    changes.push(`HEALTHCHECK ${flags.join(' ')} CMD ${JSON.stringify(h.cmd)}`);
  }
  return changes;
}

/** Builds an image in `engine` with `docker import` (no push). Returns the local image ID. */
export async function buildImage(
  engine: DockerEngine,
  reference: string,
  opts: ImageOptions = {},
): Promise<string> {
  const tar = rootfsTar(uniqueContent(reference, '', opts.content));
  const args = ['import'];
  for (const c of dockerfileChanges(opts)) args.push('--change', c);
  args.push('-', reference);
  return engine.docker(args, tar);
}

function parsePushDigest(output: string): string | undefined {
  const m = /digest: (sha256:[0-9a-f]{64})/.exec(output);
  return m?.[1];
}

/** docker import + docker push into `registry` (logging in first for auth registries). */
export async function pushImage(
  engine: DockerEngine,
  registry: TestRegistry,
  repo: string,
  tag: string,
  opts: ImageOptions = {},
): Promise<PushedImage> {
  const reference = `${registry.host}/${repo}:${tag}`;
  await buildImage(engine, reference, opts);
  const configDir = await registry.dockerConfigFor(engine);
  const out = await engine.docker(['push', reference], undefined, { configDir });
  const digest = parsePushDigest(out) ?? (await registry.client().headManifest(repo, tag));
  if (!digest) throw new Error(`no digest for ${reference} after push:\n${out}`);
  return { reference, digest, repository: repo, tag };
}

/** Pushes new content under an existing tag; the digest changes. */
export async function repushTag(
  engine: DockerEngine,
  registry: TestRegistry,
  repo: string,
  tag: string,
  opts: ImageOptions = {},
): Promise<PushedImage & { previousDigest?: string }> {
  const previousDigest = await registry.client().headManifest(repo, tag);
  const pushed = await pushImage(engine, registry, repo, tag, {
    ...opts,
    content: `${opts.content ?? ''}\nrepush ${Date.now()}`,
  });
  return { ...pushed, previousDigest };
}

/** docker pull (with the registry's login when given). */
export async function pullImage(
  engine: DockerEngine,
  reference: string,
  registry?: TestRegistry,
): Promise<string> {
  const configDir = registry ? await registry.dockerConfigFor(engine) : undefined;
  return engine.docker(['pull', reference], undefined, { configDir });
}

// ---------------------------------------------------------------------------------------------
// Registry-API image assembly.

interface BaseLayer {
  gz: Buffer;
  digest: string;
  diffId: string;
}
let baseLayer: Promise<BaseLayer> | undefined;

/** The shared busybox layer (one gzip tar, built once per process). */
export function busyboxLayer(): Promise<BaseLayer> {
  baseLayer ??= Promise.resolve().then(() => {
    const tar = rootfsTar('tidewatch base layer\n');
    const gz = zlib.gzipSync(tar);
    return { gz, digest: sha256Digest(gz), diffId: sha256Digest(tar) };
  });
  return baseLayer;
}

export interface ApiImageOptions {
  platform?: Platform;
  labels?: Record<string, string>;
  cmd?: string[];
  env?: Record<string, string>;
  /** 'docker' (schema2, default) or 'oci' media types. */
  format?: 'docker' | 'oci';
  /** Mixed into the config so every call yields a distinct digest (random by default). */
  content?: string;
}

export interface ApiImage {
  digest: string;
  size: number;
  mediaType: string;
  platform: Platform;
}

/**
 * Uploads busybox layer + a fresh config and PUTs a manifest (under `tag`, or by digest when tag
 * is undefined). The image is real and pullable; the config is unique so the digest is too.
 */
export async function putImageViaApi(
  client: RegistryClient,
  repo: string,
  tag: string | undefined,
  opts: ApiImageOptions = {},
): Promise<ApiImage> {
  const layer = await busyboxLayer();
  const platform = opts.platform ?? { os: 'linux', architecture: 'amd64' };
  const oci = opts.format === 'oci';
  await client.uploadBlob(repo, layer.gz);
  const config = {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    created: new Date().toISOString(),
    config: {
      Env: ['PATH=/bin', ...Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`)],
      Cmd: opts.cmd ?? DEFAULT_CMD,
      Labels: {
        ...opts.labels,
        'org.tidewatch.test.nonce': opts.content ?? crypto.randomBytes(8).toString('hex'),
      },
    },
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    history: [{ created: new Date().toISOString(), created_by: 'tidewatch test env' }],
  };
  const configBuf = Buffer.from(JSON.stringify(config));
  const configDigest = await client.uploadBlob(repo, configBuf, { skipIfExists: false });
  const mediaType = oci ? MediaTypes.ociManifest : MediaTypes.dockerManifest;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: {
      mediaType: oci ? MediaTypes.ociConfig : MediaTypes.dockerConfig,
      size: configBuf.length,
      digest: configDigest,
    },
    layers: [
      {
        mediaType: oci ? MediaTypes.ociLayerGzip : MediaTypes.dockerLayerGzip,
        size: layer.gz.length,
        digest: layer.digest,
      },
    ],
  };
  const body = Buffer.from(JSON.stringify(manifest));
  const digest = sha256Digest(body);
  await client.putManifest(repo, tag ?? digest, mediaType, body);
  return { digest, size: body.length, mediaType, platform };
}

/**
 * Many tags fast. With an engine, the first tag is a real `docker push` (the image then also
 * exists in that engine); every other tag is assembled through the registry API. With
 * `distinct` (default true) each tag has its own digest; otherwise all share the first digest.
 */
export async function pushTags(
  engine: DockerEngine | null,
  registry: TestRegistry,
  repo: string,
  tags: string[],
  opts: ImageOptions & { distinct?: boolean; concurrency?: number } = {},
): Promise<PushedImage[]> {
  if (tags.length === 0) return [];
  const client = registry.client();
  const results: PushedImage[] = new Array<PushedImage>(tags.length);
  let rest = tags.map((t, i) => ({ t, i }));
  if (engine) {
    results[0] = await pushImage(engine, registry, repo, tags[0], opts);
    rest = rest.slice(1);
  }
  const distinct = opts.distinct !== false;
  let sharedBody: { body: Buffer; mediaType: string; digest: string } | undefined;
  if (!distinct) {
    const first =
      results[0] ?? (await apiPush(client, registry, repo, rest[0].t, rest[0].i, opts, results));
    const m = await client.getManifest(repo, first.digest);
    sharedBody = { body: m.body, mediaType: m.mediaType, digest: first.digest };
    rest = rest.filter((r) => results[r.i] === undefined);
  }
  const queue = [...rest];
  const workers = Array.from(
    { length: Math.min(opts.concurrency ?? 8, queue.length) },
    async () => {
      for (;;) {
        const item = queue.shift();
        if (!item) return;
        if (sharedBody) {
          await client.putManifest(repo, item.t, sharedBody.mediaType, sharedBody.body);
          results[item.i] = {
            reference: `${registry.host}/${repo}:${item.t}`,
            digest: sharedBody.digest,
            repository: repo,
            tag: item.t,
          };
        } else {
          await apiPush(client, registry, repo, item.t, item.i, opts, results);
        }
      }
    },
  );
  await Promise.all(workers);
  return results;
}

async function apiPush(
  client: RegistryClient,
  registry: TestRegistry,
  repo: string,
  tag: string,
  index: number,
  opts: ImageOptions,
  results: PushedImage[],
): Promise<PushedImage> {
  const img = await putImageViaApi(client, repo, tag, {
    labels: opts.labels,
    cmd: opts.cmd,
    env: opts.env,
    content: `${tag}:${opts.content ?? ''}:${crypto.randomBytes(6).toString('hex')}`,
  });
  const r = {
    reference: `${registry.host}/${repo}:${tag}`,
    digest: img.digest,
    repository: repo,
    tag,
  };
  results[index] = r;
  return r;
}

export interface MultiArchResult {
  reference: string;
  /** Digest of the index / manifest list. */
  digest: string;
  mediaType: string;
  children: ApiImage[];
  attestation?: { digest: string; refersTo: string };
}

/**
 * Uploads one manifest per platform (layer + config blobs via monolithic upload) and PUTs an
 * OCI image index (or, with format 'docker', a Docker manifest list) referencing them. With
 * `attestation`, adds a BuildKit-style attestation manifest (platform unknown/unknown,
 * annotation vnd.docker.reference.type=attestation-manifest) for the first platform.
 */
export async function pushMultiArchIndex(
  registry: TestRegistry,
  repo: string,
  tag: string,
  platforms: Platform[],
  opts: { attestation?: boolean; format?: 'oci' | 'docker'; labels?: Record<string, string> } = {},
): Promise<MultiArchResult> {
  const format = opts.format ?? 'oci';
  if (format === 'docker' && opts.attestation)
    throw new Error('attestation manifests need an OCI index');
  const client = registry.client();
  const children: ApiImage[] = [];
  for (const platform of platforms) {
    children.push(
      await putImageViaApi(client, repo, undefined, { platform, format, labels: opts.labels }),
    );
  }
  const manifests: Array<Record<string, unknown>> = children.map((c) => ({
    mediaType: c.mediaType,
    digest: c.digest,
    size: c.size,
    platform: {
      architecture: c.platform.architecture,
      os: c.platform.os,
      ...(c.platform.variant ? { variant: c.platform.variant } : {}),
    },
  }));
  let attestation: MultiArchResult['attestation'];
  if (opts.attestation && children.length > 0) {
    const subject = children[0].digest;
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://slsa.dev/provenance/v0.2',
        subject: [
          {
            name: `${registry.host}/${repo}:${tag}`,
            digest: { sha256: subject.slice('sha256:'.length) },
          },
        ],
        predicate: { builder: { id: 'tidewatch-test-env' } },
      }),
    );
    const layerDigest = await client.uploadBlob(repo, statement);
    const cfg = Buffer.from(
      JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: {},
        rootfs: { type: 'layers', diff_ids: [layerDigest] },
      }),
    );
    const cfgDigest = await client.uploadBlob(repo, cfg);
    const att = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaTypes.ociManifest,
        config: { mediaType: MediaTypes.ociConfig, digest: cfgDigest, size: cfg.length },
        layers: [
          {
            mediaType: MediaTypes.inToto,
            digest: layerDigest,
            size: statement.length,
            annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
          },
        ],
      }),
    );
    const attDigest = sha256Digest(att);
    await client.putManifest(repo, attDigest, MediaTypes.ociManifest, att);
    manifests.push({
      mediaType: MediaTypes.ociManifest,
      digest: attDigest,
      size: att.length,
      platform: { architecture: 'unknown', os: 'unknown' },
      annotations: {
        'vnd.docker.reference.digest': subject,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
    });
    attestation = { digest: attDigest, refersTo: subject };
  }
  const mediaType = format === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerManifestList;
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }));
  const digest = sha256Digest(index);
  await client.putManifest(repo, tag, mediaType, index);
  return { reference: `${registry.host}/${repo}:${tag}`, digest, mediaType, children, attestation };
}

/** Deletes a tag's manifest (by digest, as the API requires). Returns the HTTP status. */
export async function deleteImage(
  registry: TestRegistry,
  repo: string,
  tag: string,
): Promise<number> {
  const client = registry.client();
  const digest = await client.headManifest(repo, tag);
  if (!digest) return 404;
  return client.deleteManifest(repo, digest);
}
