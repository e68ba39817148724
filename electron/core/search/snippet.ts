import { lowerSameLength, normalizeText } from './normalize';

/*
 * The piece of text around a match, with every matched term wrapped in « ». Matching runs
 * on the normal form (Simplified, half-width, lower case), which keeps every character in
 * place, so the snippet shows the text as the user wrote it.
 */

export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

/** Where the terms occur in `text` (by the normal form), earliest first, without overlaps. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const hay = lowerSameLength(normalizeText(text));
  const found: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = hay.indexOf(term); at >= 0; at = hay.indexOf(term, at + term.length)) {
      found.push([at, at + term.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const r of found) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) continue;
    out.push(r);
  }
  return out;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `text` cut to about `width` characters around the first match, the matches marked; null
 * when no term occurs. `before`: how much text to keep ahead of the first match.
 */
export function snippet(text: string, terms: readonly string[], width = 60, before = 16): string | null {
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return null;
  let start = Math.max(0, ranges[0]![0] - before);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  let end = Math.min(text.length, start + width);
  end = Math.max(end, Math.min(text.length, ranges[0]![1]));
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  let out = '';
  let at = start;
  for (const [from, to] of ranges) {
    if (from < start) continue;
    if (from >= end) break;
    const stop = Math.min(to, end);
    out += text.slice(at, from) + MARK_OPEN + text.slice(from, stop) + MARK_CLOSE;
    at = stop;
  }
  out += text.slice(at, end);
  out = out.replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
