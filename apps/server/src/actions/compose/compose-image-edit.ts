import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';

/** New tag and/or digest for one service's `image:`. */
export interface ComposeImageChange {
  service: string;
  /** New tag (`1.1.0`); added when the image has none. */
  tag?: string;
  /** New digest (`sha256:…`); required when the image is pinned by digest, ignored otherwise. */
  digest?: string;
}

export interface ComposeImageEdit {
  service: string;
  /** The image value before and after (as written, without quotes). */
  from: string;
  to: string;
}

export interface ComposeEditPlan {
  /** The whole file after the edit (equal to the input when nothing changes). */
  text: string;
  edits: ComposeImageEdit[];
}

export class ComposeEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeEditError';
  }
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Rewrites the `image:` of the given services in a compose file's text, changing nothing but the
 * tag (or digest) characters. The YAML document API finds each service's image node — through
 * `<<` merge keys and aliases — and its exact place in the source; the edit is spliced there,
 * because re-serialising the document would reflow comments, quoting and blank lines. The result
 * is parsed again and checked. A value read from a variable (`${TAG}`, `$IMAGE`) is refused, and
 * so is an anchored value shared with services that are not changed the same way.
 */
export function planComposeEdit(text: string, changes: ComposeImageChange[]): ComposeEditPlan {
  const doc = parse(text);
  const services = servicesOf(doc);
  const targets = new Map<Scalar, { changes: ComposeImageChange[]; services: string[] }>();
  for (const change of changes) {
    if (change.tag !== undefined && !TAG.test(change.tag))
      throw new ComposeEditError(`"${change.tag}" is not a valid image tag`);
    if (change.digest !== undefined && !DIGEST.test(change.digest))
      throw new ComposeEditError(`"${change.digest}" is not a sha256 digest`);
    const node = imageNode(doc, services, change.service);
    const target = targets.get(node) ?? { changes: [], services: [] };
    target.changes.push(change);
    target.services.push(change.service);
    targets.set(node, target);
  }
  const splices: Array<{ start: number; end: number; insert: string }> = [];
  const edits: ComposeImageEdit[] = [];
  for (const [node, target] of targets) {
    const first = target.changes[0];
    if (
      target.changes.some((change) => change.tag !== first.tag || change.digest !== first.digest)
    ) {
      throw new ComposeEditError(
        `services ${target.services.join(', ')} share one image value but were asked for different images`,
      );
    }
    const sharers = Object.keys(servicesMap(services)).filter((service) => {
      try {
        return imageNode(doc, services, service) === node;
      } catch {
        return false;
      }
    });
    const others = sharers.filter((service) => !target.services.includes(service));
    if (others.length > 0) {
      throw new ComposeEditError(
        `the image of ${target.services.join(', ')} comes from an anchor shared with ${others.join(', ')}; changing it would update those too — edit the file by hand`,
      );
    }
    const value = String(node.value);
    const next = applyChange(value, first);
    if (next.value === value) continue;
    const [start, end] = node.range ?? [0, 0];
    const raw = text.slice(start, end);
    const quote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    if (
      node.type === 'BLOCK_FOLDED' ||
      node.type === 'BLOCK_LITERAL' ||
      raw.slice(quote, raw.length - quote) !== value
    ) {
      throw new ComposeEditError(
        `the image of ${target.services.join(', ')} is written in a form Tidewatch does not edit (block scalar or escapes): edit it by hand`,
      );
    }
    for (const splice of next.splices)
      splices.push({
        start: start + quote + splice.start,
        end: start + quote + splice.end,
        insert: splice.insert,
      });
    for (const service of target.services) edits.push({ service, from: value, to: next.value });
  }
  splices.sort((a, b) => b.start - a.start);
  let result = text;
  for (const splice of splices)
    result = result.slice(0, splice.start) + splice.insert + result.slice(splice.end);
  verify(result, edits);
  return { text: result, edits };
}

/** The image value of each service (resolving merge keys and aliases); for locating services. */
export function readServiceImages(text: string): Record<string, string | null> {
  const doc = parse(text);
  const services = servicesOf(doc);
  const images: Record<string, string | null> = {};
  for (const service of Object.keys(servicesMap(services))) {
    try {
      images[service] = String(imageNode(doc, services, service, true).value);
    } catch {
      images[service] = null;
    }
  }
  return images;
}

/** `container_name` of each service that sets one. */
export function readContainerNames(text: string): Record<string, string> {
  const doc = parse(text);
  const names: Record<string, string> = {};
  for (const [service, node] of Object.entries(servicesMap(servicesOf(doc)))) {
    const map = resolve(doc, node);
    if (!isMap(map)) continue;
    const value = map.get('container_name');
    if (typeof value === 'string') names[service] = value;
  }
  return names;
}

function parse(text: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length > 0) throw new ComposeEditError(`not valid YAML: ${doc.errors[0].message}`);
  return doc;
}

function servicesOf(doc: Document): YAMLMap {
  const services = resolve(doc, doc.get('services', true) as Node | undefined);
  if (!isMap(services)) throw new ComposeEditError('the file has no services mapping');
  return services;
}

function servicesMap(services: YAMLMap): Record<string, Node | null> {
  const result: Record<string, Node | null> = {};
  for (const pair of services.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    result[key] = (pair.value as Node | null) ?? null;
  }
  return result;
}

function resolve(doc: Document, node: Node | null | undefined): Node | null | undefined {
  let current = node;
  for (let depth = 0; depth < 32 && current && isAlias(current); depth++)
    current = current.resolve(doc);
  return current;
}

function imageNode(
  doc: Document,
  services: YAMLMap,
  service: string,
  allowVariables = false,
): Scalar {
  const entry = servicesMap(services)[service];
  if (entry === undefined) throw new ComposeEditError(`service "${service}" is not in the file`);
  const found = findImage(doc, resolve(doc, entry), new Set());
  if (!found) throw new ComposeEditError(`service "${service}" has no image (built from source?)`);
  const value = found.value;
  if (typeof value !== 'string' || !value)
    throw new ComposeEditError(`the image of service "${service}" is not a string`);
  if (!allowVariables && /\$(?!\$)/.test(value.replace(/\$\$/g, ''))) {
    throw new ComposeEditError(
      `the image of service "${service}" comes from variable substitution (${value}): Tidewatch does not rewrite it; change the variable (e.g. in .env) instead`,
    );
  }
  return found;
}

/** The `image` scalar of a service mapping: its own key first, then `<<` merges in order. */
function findImage(
  doc: Document,
  node: Node | null | undefined,
  seen: Set<Node>,
): Scalar | undefined {
  if (!node || !isMap(node) || seen.has(node)) return undefined;
  seen.add(node);
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === 'image') {
      const value = resolve(doc, pair.value as Node | null);
      if (isScalar(value)) return value;
      throw new ComposeEditError('an image value is not a plain string');
    }
  }
  for (const pair of node.items) {
    if (!(isScalar(pair.key) && pair.key.value === '<<')) continue;
    const merged = pair.value as Node | null;
    const sources = isSeq(merged) ? (merged.items as Node[]) : [merged];
    for (const source of sources) {
      const found = findImage(doc, resolve(doc, source), seen);
      if (found) return found;
    }
  }
  return undefined;
}

interface ValueEdit {
  value: string;
  /** Offsets within the unquoted value. */
  splices: Array<{ start: number; end: number; insert: string }>;
}

function applyChange(value: string, change: ComposeImageChange): ValueEdit {
  const at = value.indexOf('@');
  const nameEnd = at >= 0 ? at : value.length;
  const name = value.slice(0, nameEnd);
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  const splices: ValueEdit['splices'] = [];
  if (at >= 0) {
    if (!change.digest)
      throw new ComposeEditError(
        `the image of service "${change.service}" is pinned by digest (${value}): the new digest is needed`,
      );
    splices.push({ start: at + 1, end: value.length, insert: change.digest });
  }
  if (change.tag !== undefined) {
    if (hasTag) splices.push({ start: colon + 1, end: nameEnd, insert: change.tag });
    else splices.push({ start: nameEnd, end: nameEnd, insert: `:${change.tag}` });
  }
  splices.sort((a, b) => b.start - a.start);
  let next = value;
  for (const splice of splices)
    next = next.slice(0, splice.start) + splice.insert + next.slice(splice.end);
  return { value: next, splices };
}

function verify(text: string, edits: ComposeImageEdit[]): void {
  const images = readServiceImages(text);
  for (const edit of edits) {
    if (images[edit.service] !== edit.to)
      throw new ComposeEditError(
        `internal check failed: ${edit.service} would read ${String(images[edit.service])}, not ${edit.to}`,
      );
  }
}
