/**
 * Which tool wrote an import file, from its content (the file name's extension is only a hint for
 * the message): JSON (Satchel, Omnivore, Karakeep, Linkwarden), HTML (Netscape bookmarks, Pocket)
 * or CSV (Raindrop, Pocket, Instapaper). Pure.
 */
export type FileKind = 'json' | 'html' | 'csv';

/** The kind of text in a file: JSON when it starts with `{` or `[`, HTML when it starts with `<`, else CSV. */
export function kindOf(text: string): FileKind {
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('<')) return 'html';
  return 'csv';
}
