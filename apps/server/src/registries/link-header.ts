/** RFC 8288 `Link` header parsing, enough for `rel="next"` pagination of tag lists. */
export interface LinkValue {
  /** The target exactly as sent (often relative). */
  uri: string;
  /** Parameters with lower-cased names; `rel` keeps its space-separated relation types. */
  params: Record<string, string>;
}

export function parseLinkHeader(header: string | readonly string[] | undefined): LinkValue[] {
  if (header === undefined) return [];
  const text = typeof header === 'string' ? header : header.join(', ');
  const links: LinkValue[] = [];
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('<', pos);
    if (open < 0) break;
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    const link: LinkValue = { uri: text.slice(open + 1, close).trim(), params: {} };
    pos = close + 1;
    // Parameters: `; name="value"` or `; name=value` until a top-level comma.
    for (;;) {
      while (pos < text.length && /[ \t]/.test(text.charAt(pos))) pos++;
      if (text.charAt(pos) !== ';') break;
      pos++;
      while (pos < text.length && /[ \t]/.test(text.charAt(pos))) pos++;
      const nameStart = pos;
      while (pos < text.length && !/[=;,\s]/.test(text.charAt(pos))) pos++;
      const name = text.slice(nameStart, pos).toLowerCase();
      while (pos < text.length && /[ \t]/.test(text.charAt(pos))) pos++;
      let value = '';
      if (text.charAt(pos) === '=') {
        pos++;
        while (pos < text.length && /[ \t]/.test(text.charAt(pos))) pos++;
        if (text.charAt(pos) === '"') {
          pos++;
          while (pos < text.length && text.charAt(pos) !== '"') {
            if (text.charAt(pos) === '\\') pos++;
            value += text.charAt(pos);
            pos++;
          }
          pos++;
        } else {
          const valueStart = pos;
          while (pos < text.length && !/[;,\s]/.test(text.charAt(pos))) pos++;
          value = text.slice(valueStart, pos);
        }
      }
      if (name !== '' && !(name in link.params)) link.params[name] = value;
    }
    links.push(link);
    const comma = text.indexOf(',', pos);
    if (comma < 0) break;
    pos = comma + 1;
  }
  return links;
}

/**
 * The absolute URL of the `rel="next"` link, resolved against the URL of the request that
 * returned it. The target is used verbatim (opaque `next_page=` tokens, `last=`…): clients
 * must not build their own `last=`.
 */
export function nextLink(
  header: string | readonly string[] | undefined,
  requestUrl: URL | string,
): URL | undefined {
  const next = parseLinkHeader(header).find((link) =>
    (link.params.rel ?? '').toLowerCase().split(/\s+/).includes('next'),
  );
  if (!next || next.uri === '') return undefined;
  try {
    return new URL(next.uri, requestUrl);
  } catch {
    return undefined;
  }
}
