/**
 * RFC 7235 `WWW-Authenticate` parsing. One header may carry several challenges
 * (`Bearer realm="…",service="…",Basic realm="…"`) and quoted values may contain commas
 * (`scope="repository:a:pull,push"`), so splitting on commas is wrong.
 */
export interface AuthChallenge {
  /** Lower-cased auth scheme: `bearer`, `basic`, … */
  scheme: string;
  /** Parameters with lower-cased names and unquoted values; the first occurrence wins. */
  params: Record<string, string>;
  /** The token68 form (`Negotiate abc==`), when used instead of parameters. */
  token68?: string;
}

// RFC 7230 tchar and RFC 7235 token68 character sets.
const TCHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
const TOKEN68 = /[A-Za-z0-9\-._~+/]/;

export function parseWwwAuthenticate(
  header: string | readonly string[] | undefined,
): AuthChallenge[] {
  if (header === undefined) return [];
  if (typeof header !== 'string') return header.flatMap((value) => parseWwwAuthenticate(value));
  return new ChallengeParser(header).parse();
}

class ChallengeParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): AuthChallenge[] {
    const challenges: AuthChallenge[] = [];
    for (;;) {
      this.skip(/[\s,]/);
      if (this.done()) return challenges;
      const scheme = this.token();
      if (scheme === '') {
        // Not a challenge start: skip to the next comma and try again.
        this.skipUntil(',');
        continue;
      }
      const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} };
      challenges.push(challenge);
      this.skip(/[ \t]/);
      if (!this.readToken68(challenge)) this.readParams(challenge);
    }
  }

  /** `Scheme token68` (the token68 must be followed by a comma or the end). */
  private readToken68(challenge: AuthChallenge): boolean {
    const start = this.pos;
    while (!this.done() && TOKEN68.test(this.peek())) this.pos++;
    if (this.pos === start) return false;
    while (this.peek() === '=') this.pos++;
    const candidate = this.text.slice(start, this.pos);
    this.skip(/[ \t]/);
    if (this.done() || this.peek() === ',') {
      challenge.token68 = candidate;
      return true;
    }
    // `name=value`: a parameter list, parsed by readParams.
    this.pos = start;
    return false;
  }

  private readParams(challenge: AuthChallenge): void {
    for (;;) {
      this.skip(/[ \t]/);
      const start = this.pos;
      const name = this.token();
      if (name === '') return;
      this.skip(/[ \t]/);
      if (this.peek() !== '=') {
        // A token not followed by '=' starts the next challenge.
        this.pos = start;
        return;
      }
      this.pos++;
      this.skip(/[ \t]/);
      const value = this.peek() === '"' ? this.quoted() : this.bareValue();
      const key = name.toLowerCase();
      if (!(key in challenge.params)) challenge.params[key] = value;
      this.skip(/[ \t]/);
      if (this.peek() !== ',') return;
      // Look past the comma(s): either another parameter or the next challenge.
      while (this.peek() === ',' || this.peek() === ' ' || this.peek() === '\t') this.pos++;
      if (this.done()) return;
      const save = this.pos;
      const next = this.token();
      this.skip(/[ \t]/);
      const isParam = next !== '' && this.peek() === '=';
      this.pos = save;
      if (!isParam) return;
    }
  }

  private token(): string {
    const start = this.pos;
    while (!this.done() && TCHAR.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Unquoted value; laxer than RFC's token so `realm=https://x/token` still parses. */
  private bareValue(): string {
    const start = this.pos;
    while (!this.done() && !/[\s,"]/.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private quoted(): string {
    this.pos++; // opening quote
    let value = '';
    while (!this.done()) {
      const char = this.peek();
      this.pos++;
      if (char === '"') return value;
      if (char === '\\' && !this.done()) {
        value += this.peek();
        this.pos++;
      } else {
        value += char;
      }
    }
    return value; // unterminated: take what there is
  }

  private skip(chars: RegExp): void {
    while (!this.done() && chars.test(this.peek())) this.pos++;
  }

  private skipUntil(char: string): void {
    while (!this.done() && this.peek() !== char) this.pos++;
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private done(): boolean {
    return this.pos >= this.text.length;
  }
}
