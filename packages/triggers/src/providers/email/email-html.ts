import type { TriggerEvent } from '../../trigger';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

function safeLink(url: string | null | undefined): string {
  if (!url) return '';
  // Only http(s) becomes a link: a hostile `javascript:` URL stays inert text.
  if (!/^https?:\/\//i.test(url)) return escapeHtml(url);
  return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
}

const CELL = 'style="padding:4px 8px;border-bottom:1px solid #ddd;text-align:left"';

/** HTML body: the rendered title and body, then a table of the containers. Every value is escaped. */
export function renderEmailHtml(
  title: string,
  body: string,
  events: readonly TriggerEvent[],
): string {
  const rows = events
    .map(({ container, kind, message }) => {
      const cells = [
        escapeHtml(container.displayName || container.name),
        escapeHtml(container.watcher),
        escapeHtml(`${container.image.name}:${container.image.tag.value}`),
        escapeHtml(container.updateKind?.localValue ?? ''),
        escapeHtml(container.updateKind?.remoteValue ?? container.result?.tag ?? ''),
        escapeHtml(
          kind === 'update-available'
            ? (container.updateKind?.semverDiff ?? container.updateKind?.kind ?? '')
            : kind,
        ),
        message ? escapeHtml(message) : safeLink(container.result?.link ?? container.link),
      ];
      return `<tr>${cells.map((cell) => `<td ${CELL}>${cell}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const headings = ['Container', 'Watcher', 'Image', 'Current', 'Available', 'Change', 'Details']
    .map((heading) => `<th ${CELL}>${heading}</th>`)
    .join('');
  const paragraphs = body
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family:-apple-system,Segoe UI,Roboto,sans-serif;color:#222">',
    `<h2 style="font-size:18px">${escapeHtml(title)}</h2>`,
    paragraphs,
    `<table style="border-collapse:collapse;font-size:14px"><thead><tr>${headings}</tr></thead><tbody>`,
    rows,
    '</tbody></table>',
    '<p style="color:#888;font-size:12px">Sent by Tidewatch</p>',
    '</body></html>',
  ].join('\n');
}
