// GSM 03.38 default alphabet (1 septet each) and its extension table (2 septets: escape + char).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** Single-segment and per-part capacities (concatenated parts lose room to the UDH header). */
export const SEGMENT_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

export type SmsEncoding = keyof typeof SEGMENT_LIMITS;

export interface FittedSms {
  text: string;
  encoding: SmsEncoding;
  /** Units used: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  truncated: boolean;
}

function septets(char: string): number | null {
  if (GSM_BASIC.has(char)) return 1;
  if (GSM_EXTENDED.has(char)) return 2;
  return null;
}

/** Whether every character is in the GSM-7 alphabet (then the message is sent as GSM-7). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (septets(char) === null) return false;
  return true;
}

function unitsOf(text: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return text.length;
  let total = 0;
  for (const char of text) total += septets(char) ?? 1;
  return total;
}

function segmentsFor(units: number, encoding: SmsEncoding): number {
  const limits = SEGMENT_LIMITS[encoding];
  if (units <= limits.single) return 1;
  return Math.ceil(units / limits.part);
}

/**
 * Fits a message into at most `maxSegments` SMS segments: GSM-7 when every character allows it
 * (160 characters in one segment, 153 per part when split), otherwise UCS-2 (70 / 67). A longer
 * message is cut and ends with "..." (GSM-7) or "…" (UCS-2).
 */
export function fitSms(text: string, maxSegments: number): FittedSms {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const limits = SEGMENT_LIMITS[encoding];
  const capacity = maxSegments <= 1 ? limits.single : limits.part * maxSegments;
  const units = unitsOf(text, encoding);
  if (units <= capacity)
    return { text, encoding, units, segments: segmentsFor(units, encoding), truncated: false };
  const ellipsis = encoding === 'GSM-7' ? '...' : '…';
  const budget = capacity - unitsOf(ellipsis, encoding);
  let kept = '';
  let used = 0;
  for (const char of text) {
    // Iterating by code point keeps surrogate pairs (emoji) whole.
    const cost = encoding === 'UCS-2' ? char.length : (septets(char) ?? 1);
    if (used + cost > budget) break;
    kept += char;
    used += cost;
  }
  const fitted = `${kept.trimEnd()}${ellipsis}`;
  const fittedUnits = unitsOf(fitted, encoding);
  return {
    text: fitted,
    encoding,
    units: fittedUnits,
    segments: segmentsFor(fittedUnits, encoding),
    truncated: true,
  };
}
