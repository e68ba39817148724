import * as OpenCC from 'opencc-js/t2cn';

/*
 * One normal form for everything searched and every query: Traditional characters made
 * Simplified (OpenCC's character-and-phrase tables, so 會議記錄 finds 会议记录) and
 * full-width letters and digits made half-width (Ｂ３．２ finds B3.2). Case is left to
 * the index (FTS5 folds it).
 *
 * The form keeps every character where it was (one UTF-16 unit in, one out), so a match
 * found in the normal form marks the same place in the text as written: snippets show the
 * user's own text, not our rewriting of it.
 */

let converter: ((text: string) => string) | null = null;
/** Built on first use: the dictionaries take ~0.1 s, which processes that never search should not pay. */
function t2s(text: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}

/** Traditional → Simplified, keeping length (a phrase mapping that would change it falls back to characters). */
export function toSimplified(text: string): string {
  if (!text) return text;
  const out = t2s(text);
  if (out.length === text.length) return out;
  let kept = '';
  for (const ch of text) {
    const c = t2s(ch);
    kept += c.length === ch.length ? c : ch;
  }
  return kept;
}

/** Full-width ASCII (！…～) and the ideographic space made half-width; one unit each, so length is kept. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The searched form of a text (stored in the index, and applied to every query). */
export function normalizeText(text: string | null | undefined): string {
  if (!text) return '';
  return toSimplified(halfWidth(text));
}

/** Lower case without changing length (the few characters whose lower case is longer stay as they are). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const TOKEN_CHAR = /[\p{L}\p{N}]/u;

/**
 * The text as tokens for the short-query index: every pair of neighbouring letters or
 * digits, and the last of each run on its own ("垃圾分类" → "垃圾 圾分 分类 类"). A 2-character
 * query is then one token, and a 1-character query a prefix ("会"*) that meets every place
 * the character occurs. The trigram index cannot answer either (it has no term shorter
 * than three characters).
 */
export function bigramTokens(normalized: string): string {
  const out: string[] = [];
  let prev = '';
  for (const ch of normalized.toLowerCase()) {
    if (TOKEN_CHAR.test(ch)) {
      if (prev) out.push(prev + ch);
      prev = ch;
    } else {
      if (prev) out.push(prev);
      prev = '';
    }
  }
  if (prev) out.push(prev);
  return out.join(' ');
}

/** Letters and digits only: a short query without its punctuation ("A1." → "a1"). */
export function tokenCharsOnly(text: string): string {
  return Array.from(text)
    .filter((ch) => TOKEN_CHAR.test(ch))
    .join('');
}

/**
 * What the user typed, as search terms in the normal form: split at spaces and Chinese
 * commas; quotation marks dropped (every term is matched as written anyway).
 */
export function queryTerms(query: string): string[] {
  return lowerSameLength(normalizeText(query))
    .split(/[\s,，、;；"“”]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * An indicator code reduced to what tells codes apart for typing: compatibility forms
 * unfolded (Ｂ３ → B3, Ⅱ → II, ① → 1), lower case, letters and digits only. "B3.2", "b32"
 * and "Ｂ３．２" all give "b32"; "Ⅱ-3" and "II—3" give "ii3".
 */
export function codeKey(code: string): string {
  return code
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A code's parts as typed, joined by "." ("Ｂ３．２" → "b3.2", "Ⅱ—3" → "ii.3"), to prefer matches on whole parts. */
export function codeParts(code: string): string {
  return code
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('.');
}
