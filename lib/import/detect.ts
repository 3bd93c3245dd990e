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

/** Known file signatures, as they read once the bytes were decoded as UTF-8 (invalid bytes become U+FFFD). */
const SIGNATURES: Array<[RegExp, string]> = [
  [/^\ufffd\ufffd\ufffd/, 'an image'], // JPEG starts FF D8 FF
  [/^\ufffdPNG/, 'an image'],
  [/^GIF8[79]a/, 'an image'],
  [/^RIFF[\s\S]{4}WEBP/, 'an image'],
  [/^%PDF-/, 'a PDF'],
  [/^PK\u0003\u0004/, 'a zip archive: unpack it and choose the export inside'],
];

/**
 * What a file that is not text looks like ("an image", "a PDF", …), '' when it is binary of no
 * kind Satchel names, or null when it is text. Reads the first 4,096 characters: a known signature,
 * a NUL, or more than one in ten characters undecodable (U+FFFD) or control characters.
 */
export function binaryLook(text: string): string | null {
  const head = text.slice(0, 4096);
  for (const [re, what] of SIGNATURES) if (re.test(head)) return what;
  if (head.includes('\0')) return '';
  const odd = head.match(/[\ufffd\u0001-\u0008\u000b\u000e-\u001f]/g)?.length ?? 0;
  return head.length && odd / head.length > 0.1 ? '' : null;
}
