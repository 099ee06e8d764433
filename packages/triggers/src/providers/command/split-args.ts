/**
 * Splits an argument string like a POSIX shell would tokenise it, without any expansion:
 * whitespace separates, 'single quotes' are literal, "double quotes" allow \" \\ \$ \`, and a
 * backslash outside quotes escapes the next character. No variables, globs or command substitution.
 * @throws Error on an unclosed quote or a trailing backslash.
 */
export function splitArgs(text: string | undefined): string[] {
  if (text === undefined) return [];
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
      index += 1;
      continue;
    }
    inArg = true;
    if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end === -1) throw new Error(`unclosed ' at position ${index + 1}`);
      current += text.slice(index + 1, end);
      index = end + 1;
    } else if (char === '"') {
      let cursor = index + 1;
      let closed = false;
      while (cursor < text.length) {
        const inner = text[cursor];
        if (inner === '"') {
          closed = true;
          break;
        }
        if (inner === '\\' && cursor + 1 < text.length && '"\\$`'.includes(text[cursor + 1])) {
          current += text[cursor + 1];
          cursor += 2;
          continue;
        }
        current += inner;
        cursor += 1;
      }
      if (!closed) throw new Error(`unclosed " at position ${index + 1}`);
      index = cursor + 1;
    } else if (char === '\\') {
      if (index + 1 >= text.length) throw new Error('trailing backslash');
      current += text[index + 1];
      index += 2;
    } else {
      current += char;
      index += 1;
    }
  }
  if (inArg) args.push(current);
  return args;
}
