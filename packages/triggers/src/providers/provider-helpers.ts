import type { TriggerEvent } from '../trigger';

/** The release link of a single-event delivery, only when it is an http(s) URL. */
export function releaseLink(events: readonly TriggerEvent[]): string | undefined {
  if (events.length !== 1) return undefined;
  const container = events[0].container;
  const link = container.result?.link ?? container.link ?? undefined;
  return link && /^https?:\/\/[^\s]+$/i.test(link) ? link : undefined;
}

/** Cuts text to `max` characters (code points kept whole), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}
