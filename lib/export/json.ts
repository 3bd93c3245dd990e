import { EXPORT_VERSION, type Capture, type Collection, type SatchelExport } from '../schema';
import { mapInChunks, type ExportOptions } from './progress';

/**
 * The export object for captures and collections: lossless (every stored field), versioned.
 * Collections are those given (the caller passes the ones the captures refer to, or all).
 * `exportedAt` is epoch ms. Pure.
 */
export function toSatchelExport(captures: readonly Capture[], collections: readonly Collection[], exportedAt: number): SatchelExport {
  return { format: 'satchel', version: EXPORT_VERSION, exportedAt: new Date(exportedAt).toISOString(), captures: [...captures], collections: [...collections] };
}

/**
 * Serialises captures (+ collections) to Satchel JSON (`{format:'satchel', version:1, exportedAt,
 * captures, collections}`), pretty-printed with 2 spaces so an import error can name a line.
 * Chunked with progress (one chunk of captures stringified per event-loop turn).
 * @param now epoch ms for `exportedAt` (default `Date.now()`).
 */
export async function exportJson(captures: readonly Capture[], collections: readonly Collection[], opts: ExportOptions & { now?: number } = {}): Promise<string> {
  const head = toSatchelExport([], collections, opts.now ?? Date.now());
  const parts = await mapInChunks(captures, (c) => indent(JSON.stringify(c, null, 2), '    '), opts);
  const cols = JSON.stringify(head.collections, null, 2).replace(/\n/g, '\n  ');
  const body = parts.length === 0 ? '[]' : `[\n${parts.join(',\n')}\n  ]`;
  return `{\n  "format": "satchel",\n  "version": ${head.version},\n  "exportedAt": ${JSON.stringify(head.exportedAt)},\n  "captures": ${body},\n  "collections": ${cols}\n}\n`;
}

const indent = (s: string, pad: string) => pad + s.replace(/\n/g, `\n${pad}`);
