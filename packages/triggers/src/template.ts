/** Longest template accepted (characters). Titles and bodies are short; this bounds parse and render work. */
export const MAX_TEMPLATE_LENGTH = 4096;
/** Longest rendered output (characters); anything longer is cut with an ellipsis. */
export const MAX_RENDERED_LENGTH = 65_536;
const MAX_PATH_SEGMENTS = 16;
const MAX_IDENTIFIER_LENGTH = 128;
const MAX_JSON_DEPTH = 8;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where in the template source a problem is (1-based line and column, 0-based offset). */
export interface TemplatePosition {
  offset: number;
  line: number;
  column: number;
}

/** A template that cannot be compiled; the message names the position (`line 1, column 7`). */
export class TemplateError extends Error {
  readonly position: TemplatePosition | null;

  constructor(message: string, position: TemplatePosition | null) {
    super(position ? `${message} at line ${position.line}, column ${position.column}` : message);
    this.name = 'TemplateError';
    this.position = position;
  }
}

type FilterArg = string | number;
type FilterName =
  | 'upper'
  | 'lower'
  | 'trim'
  | 'json'
  | 'short'
  | 'truncate'
  | 'default'
  | 'prefix'
  | 'suffix'
  | 'join';

interface FilterSpec {
  /** Which argument the filter takes, if any. */
  arg: 'none' | 'string' | 'count' | 'optional-string';
  apply(value: unknown, arg: FilterArg | undefined): unknown;
}

const FILTERS: Record<FilterName, FilterSpec> = {
  upper: { arg: 'none', apply: (value) => toText(value).toUpperCase() },
  lower: { arg: 'none', apply: (value) => toText(value).toLowerCase() },
  trim: { arg: 'none', apply: (value) => toText(value).trim() },
  json: { arg: 'none', apply: (value) => safeJson(value) },
  // Digests read better short: `sha256:0123456789abcdef…` → `0123456789ab`.
  short: {
    arg: 'none',
    apply: (value) =>
      toText(value)
        .replace(/^sha256:/, '')
        .slice(0, 12),
  },
  truncate: {
    arg: 'count',
    apply: (value, arg) => {
      const text = toText(value);
      const max = Number(arg);
      return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
    },
  },
  default: { arg: 'string', apply: (value, arg) => (toText(value) === '' ? String(arg) : value) },
  // prefix/suffix apply only to non-empty values: `${container.result.link | prefix:"\n"}`.
  prefix: {
    arg: 'string',
    apply: (value, arg) => (toText(value) === '' ? '' : `${String(arg)}${toText(value)}`),
  },
  suffix: {
    arg: 'string',
    apply: (value, arg) => (toText(value) === '' ? '' : `${toText(value)}${String(arg)}`),
  },
  join: {
    arg: 'optional-string',
    apply: (value, arg) =>
      Array.isArray(value)
        ? value.map((item) => toText(item)).join(arg === undefined ? ', ' : String(arg))
        : value,
  },
};

/** Path segment: an own enumerable property name, or an array index. */
type Segment = string | number;

interface Expression {
  kind: 'expression';
  path: Segment[];
  filters: { name: FilterName; arg: FilterArg | undefined }[];
}

type Part = { kind: 'text'; text: string } | Expression;

/** A parsed template: render it any number of times against plain data. */
export interface CompiledTemplate {
  readonly source: string;
  /** Dotted paths the template reads, e.g. `container.updateKind.kind` (for previews and docs). */
  readonly variables: readonly string[];
  render(data: unknown): string;
}

/**
 * Compiles a `${path.to.value | filter}` template. No code runs: paths read only own enumerable
 * data properties (plus `length` of arrays and strings), `__proto__`/`constructor`/`prototype` are
 * rejected, unknown variables render empty. Filters: upper, lower, trim, json, short, truncate:N,
 * default:"x", prefix:"x", suffix:"x" (only when non-empty), join:", ". `\${` writes a literal `${`.
 * @throws TemplateError with the position of the first syntax error.
 */
export function compileTemplate(source: string): CompiledTemplate {
  if (typeof source !== 'string') throw new TemplateError('Template must be a string', null);
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(
      `Template is too long (${source.length} characters, at most ${MAX_TEMPLATE_LENGTH})`,
      null,
    );
  }
  const parts = new Parser(source).parse();
  const variables = [
    ...new Set(
      parts
        .filter((part): part is Expression => part.kind === 'expression')
        .map((part) => formatPath(part.path)),
    ),
  ];
  return {
    source,
    variables,
    render: (data: unknown) => renderParts(parts, data),
  };
}

/** Compiles and renders in one go (prefer {@link compileTemplate} when rendering repeatedly). */
export function renderTemplate(source: string, data: unknown): string {
  return compileTemplate(source).render(data);
}

/** Non-throwing check for config validation: `null` when valid, else the error. */
export function validateTemplate(source: string): TemplateError | null {
  try {
    compileTemplate(source);
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
}

function renderParts(parts: readonly Part[], data: unknown): string {
  let out = '';
  for (const part of parts) {
    out += part.kind === 'text' ? part.text : toText(evaluate(part, data));
    if (out.length > MAX_RENDERED_LENGTH) return `${out.slice(0, MAX_RENDERED_LENGTH - 1)}…`;
  }
  return out;
}

function evaluate(expression: Expression, data: unknown): unknown {
  let value = lookup(data, expression.path);
  for (const filter of expression.filters) value = FILTERS[filter.name].apply(value, filter.arg);
  return value;
}

/** Reads a path through own, enumerable, data (non-getter) properties only. */
function lookup(root: unknown, path: readonly Segment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || current === undefined) return undefined;
    if (segment === 'length' && (Array.isArray(current) || typeof current === 'string')) {
      current = current.length;
      continue;
    }
    if (typeof current !== 'object') return undefined;
    const descriptor = Object.getOwnPropertyDescriptor(current, String(segment));
    if (!descriptor || !descriptor.enumerable || !('value' in descriptor)) return undefined;
    current = descriptor.value;
  }
  return current;
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
      if (Array.isArray(value)) return value.map((item) => toText(item)).join(', ');
      return safeJson(value);
    case 'function':
    case 'symbol':
    case 'undefined':
      return '';
  }
  return '';
}

/** JSON of own enumerable data properties only: never calls getters or toJSON, bounded depth. */
function safeJson(value: unknown): string {
  const seen = new Set<object>();
  const encode = (item: unknown, depth: number): string => {
    if (item === null || item === undefined) return 'null';
    switch (typeof item) {
      case 'string':
        return JSON.stringify(item);
      case 'number':
        return Number.isFinite(item) ? String(item) : 'null';
      case 'boolean':
        return String(item);
      case 'bigint':
        return JSON.stringify(item.toString());
      case 'function':
      case 'symbol':
      case 'undefined':
        return 'null';
      case 'object':
        break;
    }
    if (item instanceof Date)
      return JSON.stringify(Number.isNaN(item.getTime()) ? null : item.toISOString());
    if (depth >= MAX_JSON_DEPTH || seen.has(item)) return 'null';
    seen.add(item);
    let text: string;
    if (Array.isArray(item)) {
      text = `[${item.map((element: unknown) => encode(element, depth + 1)).join(',')}]`;
    } else {
      const fields: string[] = [];
      for (const key of Object.keys(item)) {
        const descriptor = Object.getOwnPropertyDescriptor(item, key);
        if (!descriptor || !('value' in descriptor)) continue;
        const encoded: unknown = descriptor.value;
        if (encoded === undefined || typeof encoded === 'function' || typeof encoded === 'symbol')
          continue;
        fields.push(`${JSON.stringify(key)}:${encode(encoded, depth + 1)}`);
      }
      text = `{${fields.join(',')}}`;
    }
    seen.delete(item);
    return text;
  };
  return encode(value, 0);
}

function formatPath(path: readonly Segment[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? `${index === 0 ? '' : '.'}${segment}`
          : `[${JSON.stringify(segment)}]`,
    )
    .join('');
}

class Parser {
  private index = 0;

  constructor(private readonly source: string) {}

  parse(): Part[] {
    const parts: Part[] = [];
    let text = '';
    const src = this.source;
    while (this.index < src.length) {
      if (src.startsWith('\\${', this.index)) {
        text += '${';
        this.index += 3;
        continue;
      }
      if (src.startsWith('${', this.index)) {
        if (text !== '') parts.push({ kind: 'text', text });
        text = '';
        parts.push(this.expression());
        continue;
      }
      text += src[this.index];
      this.index += 1;
    }
    if (text !== '') parts.push({ kind: 'text', text });
    return parts;
  }

  private expression(): Expression {
    const open = this.index;
    this.index += 2;
    this.skipSpaces(open);
    const path = this.path(open);
    const filters: Expression['filters'] = [];
    this.skipSpaces(open);
    while (this.peek() === '|') {
      this.index += 1;
      this.skipSpaces(open);
      filters.push(this.filter(open));
      this.skipSpaces(open);
    }
    if (this.index >= this.source.length) this.fail('Unclosed "${"', open);
    if (this.peek() !== '}')
      this.fail(
        `Unexpected ${this.describeHere()} in expression (expected "}" or "| filter")`,
        this.index,
      );
    this.index += 1;
    return { kind: 'expression', path, filters };
  }

  private path(open: number): Segment[] {
    const segments: Segment[] = [];
    const first = this.identifier(open, 'a variable name');
    segments.push(first);
    for (;;) {
      const char = this.peek();
      if (char === '.') {
        this.index += 1;
        segments.push(
          /[0-9]/.test(this.peek())
            ? this.integer()
            : this.identifier(open, 'a property name after "."'),
        );
      } else if (char === '[') {
        const bracket = this.index;
        this.index += 1;
        this.skipSpaces(open);
        const next = this.peek();
        const segment =
          next === '"' || next === "'"
            ? this.string()
            : /[0-9]/.test(next)
              ? this.integer()
              : this.fail('Expected a quoted name or an index inside "[…]"', this.index);
        this.skipSpaces(open);
        if (this.peek() !== ']') this.fail('Unclosed "["', bracket);
        this.index += 1;
        this.checkSegment(segment, bracket);
        segments.push(segment);
      } else {
        break;
      }
      if (segments.length > MAX_PATH_SEGMENTS)
        this.fail(`Path is too deep (at most ${MAX_PATH_SEGMENTS} segments)`, this.index);
    }
    return segments;
  }

  private filter(open: number): Expression['filters'][number] {
    const at = this.index;
    const name = this.identifier(open, 'a filter name after "|"');
    if (!Object.prototype.hasOwnProperty.call(FILTERS, name)) {
      this.fail(`Unknown filter "${name}" (known: ${Object.keys(FILTERS).join(', ')})`, at);
    }
    const filterName = name as FilterName;
    const spec = FILTERS[filterName];
    this.skipSpaces(open);
    let arg: FilterArg | undefined;
    if (this.peek() === ':') {
      if (spec.arg === 'none') this.fail(`Filter "${name}" takes no argument`, this.index);
      this.index += 1;
      this.skipSpaces(open);
      const next = this.peek();
      if (next === '"' || next === "'") arg = this.string();
      else if (/[0-9]/.test(next)) arg = this.integer();
      else this.fail(`Expected an argument for filter "${name}"`, this.index);
    }
    if (arg === undefined && (spec.arg === 'string' || spec.arg === 'count'))
      this.fail(`Filter "${name}" needs an argument (${name}:…)`, at);
    if (spec.arg === 'count' && (typeof arg !== 'number' || arg < 1 || arg > MAX_RENDERED_LENGTH)) {
      this.fail(`Filter "${name}" needs a number between 1 and ${MAX_RENDERED_LENGTH}`, at);
    }
    return { name: filterName, arg };
  }

  private identifier(open: number, what: string): string {
    const start = this.index;
    const match = /^[A-Za-z_$][\w$]*/.exec(
      this.source.slice(start, start + MAX_IDENTIFIER_LENGTH + 1),
    );
    if (!match) {
      if (this.index >= this.source.length) this.fail('Unclosed "${"', open);
      this.fail(`Expected ${what}, found ${this.describeHere()}`, start);
    }
    if (match[0].length > MAX_IDENTIFIER_LENGTH)
      this.fail(`Name is too long (at most ${MAX_IDENTIFIER_LENGTH} characters)`, start);
    this.index += match[0].length;
    this.checkSegment(match[0], start);
    return match[0];
  }

  private integer(): number {
    const start = this.index;
    const match = /^[0-9]{1,6}/.exec(this.source.slice(start, start + 7));
    if (!match) this.fail('Expected a number', start);
    this.index += match[0].length;
    if (/[0-9A-Za-z_$]/.test(this.peek())) this.fail('Expected a number', start);
    return Number(match[0]);
  }

  private string(): string {
    const quote = this.peek();
    const start = this.index;
    this.index += 1;
    let value = '';
    while (this.index < this.source.length) {
      const char = this.source[this.index];
      if (char === quote) {
        this.index += 1;
        return value;
      }
      if (char === '\\') {
        const next = this.source[this.index + 1];
        const escapes: Record<string, string> = {
          n: '\n',
          t: '\t',
          r: '\r',
          '\\': '\\',
          '"': '"',
          "'": "'",
        };
        if (next === undefined || !Object.prototype.hasOwnProperty.call(escapes, next))
          this.fail('Unknown escape in string (use \\n, \\t, \\\\, \\" or \\\')', this.index);
        value += escapes[next];
        this.index += 2;
        continue;
      }
      value += char;
      this.index += 1;
    }
    return this.fail('Unclosed string', start);
  }

  private checkSegment(segment: Segment, at: number): void {
    if (typeof segment === 'string' && FORBIDDEN_SEGMENTS.has(segment))
      this.fail(`Forbidden property name "${segment}"`, at);
  }

  private skipSpaces(open: number): void {
    while (this.index < this.source.length && /[ \t]/.test(this.source[this.index]))
      this.index += 1;
    if (this.index >= this.source.length) this.fail('Unclosed "${"', open);
  }

  private peek(): string {
    return this.source[this.index] ?? '';
  }

  private describeHere(): string {
    const char = this.peek();
    if (char === '') return 'end of template';
    if (char === '\n') return 'a line break';
    return `"${char}"`;
  }

  private fail(message: string, offset: number): never {
    throw new TemplateError(message, positionOf(this.source, offset));
  }
}

function positionOf(source: string, offset: number): TemplatePosition {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < source.length; i += 1) {
    if (source[i] === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return { offset, line, column };
}
