/**
 * Vetting of user-supplied regexes against catastrophic backtracking. Internal to the package:
 * callers use `checkUserRegex` / `compileUserRegex` in overrides.ts.
 *
 * The pattern is parsed into a small tree of single-character matchers, groups and repeats, then
 * checked for the shapes that make a backtracking engine exponential (quantified groups whose
 * iterations can split the input in several ways, alternation under repetition, backreferences)
 * or steeply polynomial (several quantifiers competing for the same characters). Character sets
 * are taken over the Docker tag alphabet only: user regexes never run on anything else, so two
 * sets overlap exactly when some tag character is in both.
 *
 * The model was checked by fuzzing (about 130 000 random patterns with groups, alternation,
 * lookarounds and anchors): no accepted pattern took over 2 ms per test on adversarial
 * 128-character tags, where rejected shapes such as `(a+)+b` take 175 ms on 24 characters.
 */

/** A pattern refused by the guard; the message explains why in the user's terms. */
export class PatternRejection extends Error {}

const ALPHABET: readonly string[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-',
];
const ALL = new Set(ALPHABET);
const DIGITS = new Set([...'0123456789']);
const WORD = new Set(ALPHABET.filter((c) => c !== '.' && c !== '-'));
const EMPTY = new Set<string>();

type CharSet = ReadonlySet<string>;

type RegexNode =
  | { readonly kind: 'char'; readonly set: CharSet }
  | { readonly kind: 'assert'; readonly anchor: 'start' | 'end' | 'word' }
  | {
      readonly kind: 'group';
      readonly alternatives: RegexNode[][];
      readonly lookaround: boolean;
      readonly lookbehind: boolean;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'repeat';
      readonly node: RegexNode;
      readonly min: number;
      readonly max: number;
      readonly start: number;
      readonly end: number;
    };

/**
 * Throws PatternRejection when `pattern` (already known to compile) could backtrack badly.
 */
export function vetPattern(pattern: string): void {
  const tree = new PatternParser(pattern).parse();
  // start -1 marks the whole pattern, so messages do not quote it back as a group.
  const root: RegexNode = {
    kind: 'group',
    alternatives: tree,
    lookaround: false,
    lookbehind: false,
    start: -1,
    end: pattern.length,
  };
  for (const alternative of tree) {
    const first = alternative[0];
    const anchored = first?.kind === 'assert' && first.anchor === 'start';
    // Unanchored, the engine retries the pattern at every start position, which costs as much
    // as one more leading `.*` competing with whatever the pattern starts with.
    const scan: Element[] = anchored ? [] : [UNANCHORED_SCAN];
    checkChains(sequenceElements(alternative, true, scan), !anchored);
  }
  visit(root, pattern);
}

class PatternParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode[][] {
    return this.alternatives();
  }

  private alternatives(): RegexNode[][] {
    const result: RegexNode[][] = [[]];
    while (this.pos < this.source.length && this.source[this.pos] !== ')') {
      if (this.source[this.pos] === '|') {
        this.pos += 1;
        result.push([]);
        continue;
      }
      result[result.length - 1].push(this.term());
    }
    return result;
  }

  private term(): RegexNode {
    const start = this.pos;
    const atom = this.atom();
    const quantifier = this.quantifier();
    if (quantifier === null) return atom;
    return {
      kind: 'repeat',
      node: atom,
      min: quantifier.min,
      max: quantifier.max,
      start,
      end: this.pos,
    };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.source[this.pos];
    let bounds: { min: number; max: number } | null = null;
    if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '?') bounds = { min: 0, max: 1 };
    if (bounds !== null) {
      this.pos += 1;
    } else if (c === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (braces === null) return null;
      this.pos += braces[0].length;
      const min = Number(braces[1]);
      bounds = {
        min,
        max: braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]),
      };
    } else {
      return null;
    }
    if (this.source[this.pos] === '?') this.pos += 1;
    return bounds;
  }

  private atom(): RegexNode {
    const start = this.pos;
    const c = this.source[this.pos];
    this.pos += 1;
    switch (c) {
      case '^':
        return { kind: 'assert', anchor: 'start' };
      case '$':
        return { kind: 'assert', anchor: 'end' };
      case '.':
        return { kind: 'char', set: ALL };
      case '[':
        return { kind: 'char', set: this.characterClass() };
      case '\\':
        return this.escape();
      case '(': {
        let lookaround = false;
        let lookbehind = false;
        if (this.source.startsWith('?:', this.pos)) {
          this.pos += 2;
        } else if (/^\?<?[=!]/.test(this.source.slice(this.pos))) {
          lookaround = true;
          lookbehind = this.source[this.pos + 1] === '<';
          this.pos += lookbehind ? 3 : 2;
        } else if (/^\?<[A-Za-z_$][\w$]*>/.test(this.source.slice(this.pos))) {
          this.pos = this.source.indexOf('>', this.pos) + 1;
        } else if (this.source[this.pos] === '?') {
          throw new PatternRejection(`unsupported group syntax at position ${start}`);
        }
        const alternatives = this.alternatives();
        this.pos += 1; // the ")" — RegExp already proved the pattern balanced
        return { kind: 'group', alternatives, lookaround, lookbehind, start, end: this.pos };
      }
      default:
        return { kind: 'char', set: single(c) };
    }
  }

  private escape(): RegexNode {
    const c = this.source[this.pos];
    this.pos += 1;
    if (c === 'b' || c === 'B') return { kind: 'assert', anchor: 'word' };
    if (c >= '1' && c <= '9') {
      throw new PatternRejection(
        `backreferences such as \\${c} are not allowed (they defeat the backtracking guard)`,
      );
    }
    if (c === 'k' && this.source[this.pos] === '<') {
      throw new PatternRejection('named backreferences (\\k<name>) are not allowed');
    }
    return { kind: 'char', set: this.escapedSet(c) };
  }

  private escapedSet(c: string): CharSet {
    switch (c) {
      case 'd':
        return DIGITS;
      case 'D':
        return complement(DIGITS);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return EMPTY;
      case 'S':
        return ALL;
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.pos));
        if (hex === null) return single('x');
        this.pos += 2;
        return single(String.fromCharCode(parseInt(hex[0], 16)));
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.pos));
        if (hex === null) return single('u');
        this.pos += 4;
        return single(String.fromCharCode(parseInt(hex[0], 16)));
      }
      case 'c':
        if (/^[A-Za-z]/.test(this.source.slice(this.pos))) {
          this.pos += 1;
          return EMPTY;
        }
        return single('\\');
      case '0':
        while (/[0-7]/.test(this.source[this.pos] ?? '')) this.pos += 1;
        return EMPTY;
      case 't':
      case 'n':
      case 'v':
      case 'f':
      case 'r':
        return EMPTY;
      default:
        return single(c);
    }
  }

  private characterClass(): CharSet {
    const negated = this.source[this.pos] === '^';
    if (negated) this.pos += 1;
    const members = new Set<string>();
    while (this.source[this.pos] !== ']') {
      const low = this.classAtom();
      if (
        this.source[this.pos] === '-' &&
        this.source[this.pos + 1] !== ']' &&
        low.single !== undefined
      ) {
        const save = this.pos;
        this.pos += 1;
        const high = this.classAtom();
        if (high.single !== undefined) {
          const from = low.single.charCodeAt(0);
          const to = high.single.charCodeAt(0);
          for (const ch of ALPHABET) {
            const code = ch.charCodeAt(0);
            if (code >= from && code <= to) members.add(ch);
          }
          continue;
        }
        // `[\w-z]`-style: the dash is literal (Annex B); re-read it as a member.
        this.pos = save;
      }
      for (const ch of low.set) members.add(ch);
    }
    this.pos += 1;
    return negated ? complement(members) : members;
  }

  private classAtom(): { set: CharSet; single?: string } {
    const c = this.source[this.pos];
    this.pos += 1;
    if (c !== '\\') return { set: single(c), single: c };
    const e = this.source[this.pos];
    this.pos += 1;
    if ('dDwWsS'.includes(e)) return { set: this.escapedSet(e) };
    if (e === 'b') return { set: EMPTY, single: '\b' };
    if (e === '-') return { set: single('-'), single: '-' };
    if (e >= '1' && e <= '9') {
      // Inside a class this is an octal escape, never a backreference; it is outside the alphabet.
      while (/[0-7]/.test(this.source[this.pos] ?? '')) this.pos += 1;
      return { set: EMPTY, single: '\u0000' };
    }
    const before = this.pos;
    const set = this.escapedSet(e);
    const text = this.source.slice(before - 1, this.pos);
    const decoded =
      e === 'x' || e === 'u'
        ? text.length > 1
          ? String.fromCharCode(parseInt(text.slice(1), 16))
          : e
        : set.size === 1
          ? [...set][0]
          : '\u0000';
    return { set, single: decoded };
  }
}

function single(c: string): CharSet {
  return ALL.has(c) ? new Set([c]) : EMPTY;
}

function complement(set: CharSet): CharSet {
  return new Set(ALPHABET.filter((c) => !set.has(c)));
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (const c of a) if (b.has(c)) return true;
  return false;
}

function union(node: RegexNode, into: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'char':
      for (const c of node.set) into.add(c);
      break;
    case 'repeat':
      union(node.node, into);
      break;
    case 'group':
      if (!node.lookaround)
        for (const alt of node.alternatives) for (const n of alt) union(n, into);
      break;
    case 'assert':
      break;
  }
  return into;
}

/** One consuming element of a flattened sequence. */
interface Element {
  /** Every character the element can consume. */
  readonly set: CharSet;
  /** Characters the element can start with. */
  readonly first: CharSet;
  readonly mandatory: boolean;
  /** Can match more than one length. */
  readonly variable: boolean;
  /** Can match runs of many different lengths: the source of backtracking. */
  readonly elastic: boolean;
  /** How many competing quantifiers the element stands for (alternations hide several). */
  readonly weight: number;
  /** A lookaround: consumes nothing, but its body runs wherever the element can be reached. */
  readonly zeroWidth: boolean;
}

type GroupNode = Extract<RegexNode, { kind: 'group' }>;
type RepeatNode = Extract<RegexNode, { kind: 'repeat' }>;

// Plain groups are inlined, optional groups inlined as optional, assertions and lookarounds
// consume nothing and are dropped; alternations and repeated groups become one element each, so
// nothing elastic can hide from the sequence around it.
function flatten(sequence: readonly RegexNode[], optional = false, out: Element[] = []): Element[] {
  for (const node of sequence) {
    switch (node.kind) {
      case 'assert':
        break;
      case 'char':
        out.push({
          set: node.set,
          first: node.set,
          mandatory: !optional,
          variable: false,
          elastic: false,
          weight: 0,
          zeroWidth: false,
        });
        break;
      case 'group':
        if (node.lookaround) out.push(lookaroundElement(node));
        else if (node.alternatives.length === 1) flatten(node.alternatives[0], optional, out);
        else out.push(alternationElement(node, optional));
        break;
      case 'repeat':
        flattenRepeat(node, optional, out);
        break;
    }
  }
  return out;
}

function flattenRepeat(node: RepeatNode, optional: boolean, out: Element[]): void {
  const inner = node.node;
  const elastic = node.max - node.min >= 2;
  if (inner.kind === 'char') {
    out.push({
      set: inner.set,
      first: inner.set,
      mandatory: !optional && node.min >= 1,
      variable: node.min !== node.max,
      elastic,
      weight: elastic ? 1 : 0,
      zeroWidth: false,
    });
    return;
  }
  if (inner.kind !== 'group') return;
  if (inner.lookaround) {
    out.push(lookaroundElement(inner));
    return;
  }
  if (node.max <= 1) {
    flatten([inner], optional || node.min === 0, out);
    return;
  }
  // A repeated group's body is vetted separately (separated iterations, no inner competition),
  // so towards its neighbours it behaves like a single quantifier.
  const body = inner.alternatives.map((alternative) => flatten(alternative));
  const bodyElastic = body.some((elements) => elements.some((element) => element.elastic));
  const isElastic = elastic || bodyElastic;
  // A lookaround inside runs once per iteration, on top of the iterations themselves.
  const lookaroundWeight = Math.max(
    0,
    ...body.flatMap((elements) => elements.filter((e) => e.zeroWidth).map((e) => e.weight)),
  );
  const weight = (isElastic ? 1 : 0) + lookaroundWeight;
  out.push({
    set: union(inner),
    first: unionOf(body.map(firstOf)),
    mandatory: !optional && node.min >= 1,
    variable: node.min !== node.max || body.some((elements) => elements.some((e) => e.variable)),
    elastic: weight > 0,
    weight,
    zeroWidth: false,
  });
}

function alternationElement(group: GroupNode, optional: boolean): Element {
  const branches = group.alternatives.map((alternative) => flatten(alternative));
  const weight = Math.max(...branches.map(longestChain));
  return {
    set: union(group),
    first: unionOf(branches.map(firstOf)),
    mandatory: !optional && branches.every((elements) => elements.some((e) => e.mandatory)),
    variable: true,
    elastic: weight > 0,
    weight,
    zeroWidth: false,
  };
}

// JS lookarounds are atomic: once the body has matched, later failures never re-enter it. So the
// body's cost adds to whatever can reach it (first: every character) but chains no further
// (set: nothing consumed).
function lookaroundElement(group: GroupNode): Element {
  const weight = Math.max(
    ...group.alternatives.map((alternative) =>
      longestChain(sequenceElements(alternative, !group.lookbehind)),
    ),
  );
  return {
    set: EMPTY,
    first: ALL,
    mandatory: false,
    variable: false,
    elastic: weight > 0,
    weight,
    zeroWidth: true,
  };
}

// A sequence's elements; at the end of a pattern or lookahead a final quantifier is free.
function sequenceElements(
  alternative: readonly RegexNode[],
  endIsFree: boolean,
  out: Element[] = [],
): Element[] {
  const elements = flatten(alternative, false, out);
  if (endIsFree && elements.length > 0 && endsWithoutBacktracking(alternative)) {
    elements[elements.length - 1] = { ...elements[elements.length - 1], elastic: false, weight: 0 };
  }
  return elements;
}

function firstOf(elements: readonly Element[]): CharSet {
  const first = new Set<string>();
  for (const element of elements) {
    for (const c of element.first) first.add(c);
    if (element.mandatory) break;
  }
  return first;
}

function unionOf(sets: readonly CharSet[]): CharSet {
  const all = new Set<string>();
  for (const set of sets) for (const c of set) all.add(c);
  return all;
}

// `elements[i]` competes with `elements[j]` when it can eat everything between them and also
// the characters `elements[j]` could start with: the split point is then ambiguous.
function competes(elements: readonly Element[], i: number, j: number): boolean {
  const earlier = elements[i];
  if (!overlaps(earlier.set, elements[j].first)) return false;
  for (let k = i + 1; k < j; k += 1) {
    if (elements[k].mandatory && !overlaps(elements[k].set, earlier.set)) return false;
  }
  return true;
}

// Longest run of mutually competing elastic elements, weighted.
function longestChain(elements: readonly Element[]): number {
  const chain: number[] = [];
  let longest = 0;
  for (let j = 0; j < elements.length; j += 1) {
    chain[j] = 0;
    if (!elements[j].elastic) continue;
    let before = 0;
    for (let i = 0; i < j; i += 1) {
      if (elements[i].elastic && competes(elements, i, j)) before = Math.max(before, chain[i]);
    }
    chain[j] = before + elements[j].weight;
    longest = Math.max(longest, chain[j]);
  }
  return longest;
}

function containsAlternation(node: RegexNode): boolean {
  if (node.kind === 'repeat') return containsAlternation(node.node);
  if (node.kind !== 'group') return false;
  if (node.alternatives.length > 1) return true;
  return node.alternatives.some((alt) => alt.some(containsAlternation));
}

function containsVariableGroupRepeat(sequence: readonly RegexNode[]): boolean {
  return sequence.some((node) => {
    if (node.kind === 'repeat') {
      if (node.node.kind === 'group' && node.min !== node.max) return true;
      return containsVariableGroupRepeat([node.node]);
    }
    if (node.kind === 'group') return node.alternatives.some(containsVariableGroupRepeat);
    return false;
  });
}

// Chains are checked once per top-level alternative (nested groups and lookarounds count there by
// weight); repeated groups are additionally checked for exponential shapes wherever they are.
function visit(node: RegexNode, pattern: string): void {
  if (node.kind === 'group') {
    for (const alternative of node.alternatives)
      for (const child of alternative) visit(child, pattern);
  } else if (node.kind === 'repeat') {
    if (node.max > 1 && node.node.kind === 'group') checkRepeatedGroup(node, node.node, pattern);
    visit(node.node, pattern);
  }
}

function checkRepeatedGroup(repeat: RepeatNode, group: GroupNode, pattern: string): void {
  const text = pattern.slice(repeat.start, repeat.end);
  if (containsAlternation(group)) {
    throw new PatternRejection(
      `alternation inside the repeated group "${text}" can backtrack exponentially; use a character class or repeat each branch separately`,
    );
  }
  const body = group.alternatives[0];
  if (containsVariableGroupRepeat(body)) {
    throw new PatternRejection(`nested quantifiers in "${text}" can backtrack exponentially`);
  }
  const elements = flatten(body).filter((element) => !element.zeroWidth);
  const variable = elements.filter((element) => element.variable);
  if (variable.length === 0) return; // fixed width: every iteration is the same length
  // Each iteration must begin or end with a character the variable parts cannot consume, as in
  // `(\.\d+)*` or `(\d+\.)+`; then there is only one way to split the input into iterations.
  const isSeparator = (element: Element | undefined): boolean =>
    element !== undefined &&
    element.mandatory &&
    !element.variable &&
    variable.every((v) => !overlaps(element.set, v.set));
  if (!isSeparator(elements[0]) && !isSeparator(elements[elements.length - 1])) {
    throw new PatternRejection(
      `nested quantifiers in "${text}" can backtrack exponentially; start or end the group with a literal its repeated parts cannot match, e.g. (\\.\\d+)*`,
    );
  }
  // Ambiguity inside one iteration multiplies across iterations, so even `\d?\d?` is too much.
  for (let j = 1; j < elements.length; j += 1) {
    for (let i = 0; i < j; i += 1) {
      if (elements[i].variable && elements[j].variable && competes(elements, i, j)) {
        throw new PatternRejection(
          `overlapping quantifiers inside the repeated group "${text}" can backtrack exponentially`,
        );
      }
    }
  }
}

// Measured on V8 with 128-character inputs: two competing unbounded quantifiers (`.*-.*x`) cost
// about 0.3 ms per test, three (`.*.*.*x`) about 20 ms, four over half a second.
const MAX_COMPETING_QUANTIFIERS = 2;

// A greedy quantifier that ends the pattern (`alpine.*`, `-\d+`) matches at its first attempt and
// is never revisited; before `$` that holds only when it can consume every character (`.*$`).
function endsWithoutBacktracking(alternative: readonly RegexNode[]): boolean {
  let index = alternative.length - 1;
  let endAnchor = false;
  while (index >= 0) {
    const node = alternative[index];
    if (node.kind !== 'assert') break;
    if (node.anchor !== 'end') return false;
    endAnchor = true;
    index -= 1;
  }
  const last = alternative[index];
  if (last?.kind !== 'repeat' || last.node.kind !== 'char') return false;
  return !endAnchor || last.node.set.size === ALL.size;
}

const UNANCHORED_SCAN: Element = {
  set: ALL,
  first: ALL,
  mandatory: false,
  variable: true,
  elastic: true,
  weight: 1,
  zeroWidth: false,
};

function checkChains(elements: readonly Element[], unanchored: boolean): void {
  const chain = longestChain(elements);
  if (chain > MAX_COMPETING_QUANTIFIERS) {
    const hint = unanchored
      ? ' (an unanchored pattern is retried at every position, which counts as one; start it with ^)'
      : ' (separate them with a literal they cannot match)';
    throw new PatternRejection(
      `${chain} quantifiers compete for the same characters, which backtracks polynomially; at most ${MAX_COMPETING_QUANTIFIERS} may compete${hint}`,
    );
  }
}
