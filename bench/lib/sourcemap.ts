const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map VLQ segment ("AAAA,CAAC") into its numbers. */
function decodeVlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (const ch of seg) {
    const d = B64_INDEX.get(ch);
    if (d === undefined) throw new Error(`bad VLQ char ${ch}`);
    value += (d & 31) << shift;
    if (d & 32) { shift += 5; continue; }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0; shift = 0;
  }
  return out;
}

/**
 * Bytes (UTF-16 code units, ≈ bytes for minified ASCII output) of `code` attributed to each source
 * of its v3 source map: each generated segment counts up to the next segment on its line.
 * Code before the first segment of a line, and segments without a source, go to "(unmapped)".
 */
export function bytesBySource(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, n: number) => { if (n > 0) out.set(k, (out.get(k) ?? 0) + n); };
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  let src = 0;
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l]!;
    let col = 0, lastCol = 0, lastSrc: string = '(unmapped)';
    for (const seg of (mapLines[l] ?? '').split(',')) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      col += v[0]!;
      add(lastSrc, col - lastCol);
      if (v.length >= 4) { src += v[1]!; lastSrc = map.sources[src] ?? '(unmapped)'; } else lastSrc = '(unmapped)';
      lastCol = col;
      // source line/column/name deltas are not needed for byte counts, but must be consumed in order
    }
    add(lastSrc, text.length - lastCol + 1);
  }
  return out;
}

/** Groups a source path into "npm:<package>" for node_modules, else its first two project path parts (three under lib/sites/). */
export function sourceGroup(path: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return `npm:${nm[1]}`;
  const clean = path.replace(/^(\.\.\/)+/, '').replace(/^\/?work\/main\//, '');
  return clean.split('/').slice(0, clean.startsWith('lib/sites/') ? 3 : 2).join('/');
}
