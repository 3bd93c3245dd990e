/**
 * What the readers of other tools' exports produce (docs/import-export.md): one
 * {@link ImportedItem} per saved link, whatever the tool, before it becomes a `web` capture
 * (lib/import/to-captures.ts).
 */

/** The files Satchel reads, by the tool that wrote them. */
export type ImportFormat = 'satchel' | 'raindrop' | 'pocket-csv' | 'pocket-html' | 'instapaper' | 'omnivore' | 'karakeep' | 'linkwarden' | 'netscape';

/** One saved link read from another tool's export. Strings are as the file has them (trimmed). */
export interface ImportedItem {
  /** The saved page, as written in the file (made a normalised http(s) URL by the reader). */
  url: string;
  title: string | null;
  /** Description or excerpt the tool kept (the capture's text); '' when none. */
  text: string;
  /** The person's own note, highlights appended as quoted paragraphs; null when none. */
  note: string | null;
  /** Tag labels as the tool wrote them. */
  tags: string[];
  /** Collection names (folders, lists) the link sits in; nested folders as `Parent / Child`. */
  collections: string[];
  /** When it was saved, epoch ms; null when the file does not say. */
  savedAt: number | null;
  /** When the page was published (ISO 8601 UTC); null when unknown. */
  postedAt: string | null;
  author: string | null;
  /** A cover image (http(s)), or null. */
  image: string | null;
  /** The tool had it archived / read. */
  archived: boolean;
}

/** One problem in a file: where (1-based line for CSV and HTML, JSON path for JSON) and what, in words a person reads. */
export interface ImportProblem {
  line: number | null;
  path: string | null;
  message: string;
}

/**
 * What a reader made of a file: the items (rows with a problem are left out and listed in
 * `skipped`), or the file refused whole with the reasons.
 */
export type ReadResult = { ok: true; items: ImportedItem[]; skipped: ImportProblem[] } | { ok: false; problems: ImportProblem[] };
