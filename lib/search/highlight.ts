import { foldText, tokenize } from './fold';

/** A piece of text to render: `match` pieces get a highlight. Plain strings, never HTML. */
export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into segments, marking every token whose folded form equals one of `terms` or
 * starts with one of them (so the prefix typed so far lights up): diacritics- and
 * case-insensitive, as search is. `terms` are folded here too, so the query as typed or
 * `SearchResult.terms` both work. Concatenating the segments' text gives `text` back exactly.
 * Adjacent segments never share the same `match` value. Pure; renders as text nodes, so captured
 * text can never become markup.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const wanted = [...new Set(terms.map(foldText).filter((t) => t.length > 0))];
  if (text.length === 0) return [];
  if (wanted.length === 0) return [{ text, match: false }];
  const out: Segment[] = [];
  const push = (s: string, match: boolean) => {
    if (s.length === 0) return;
    const last = out.at(-1);
    if (last && last.match === match) last.text += s;
    else out.push({ text: s, match });
  };
  let at = 0;
  for (const tok of tokenize(text)) {
    const f = foldText(tok.text);
    if (!wanted.some((w) => f === w || f.startsWith(w))) continue;
    push(text.slice(at, tok.start), false);
    push(tok.text, true);
    at = tok.end;
  }
  push(text.slice(at), false);
  return out;
}
