import { Fragment } from 'react';

/**
 * Text from the core with each matched term wrapped in « », shown with the terms marked.
 * Split, never parsed as HTML: the text is the user's own (titles, page text).
 */
export function Snippet({ text, className }: { text: string; className?: string }) {
  const parts: { text: string; mark: boolean }[] = [];
  let rest = text;
  while (rest) {
    const open = rest.indexOf('«');
    const close = open >= 0 ? rest.indexOf('»', open + 1) : -1;
    if (open < 0 || close < 0) {
      parts.push({ text: rest.replace(/[«»]/g, ''), mark: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), mark: false });
    parts.push({ text: rest.slice(open + 1, close), mark: true });
    rest = rest.slice(close + 1);
  }
  return (
    <span className={className}>
      {parts.map((p, i) => (
        <Fragment key={i}>{p.mark ? <mark>{p.text}</mark> : p.text}</Fragment>
      ))}
    </span>
  );
}
