/**
 * LinkedIn's SDUI comment-bar key, `<base64>-replaceableCommentTools<card token>FeedType_…`, carries
 * the post id in a tiny protobuf (lib/sites/linkedin/ids.ts decodeSduiPostKey: byte 0 the field tag,
 * byte 1 the length of the rest, `0x08`, then a varint of 2 × id). A report sample keeps that shape
 * with the id replaced, so the adapter still reads an id from it (a new one) and the sample can
 * become a fixture. Anything that does not decode exactly like that is left to the generic rules.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function bytesOf(body: string): number[] | null {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of body) {
    const v = B64.indexOf(ch === '-' ? '+' : ch === '_' ? '/' : ch);
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

function base64Of(bytes: number[], urlSafe: boolean, padded: boolean): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((sh) => B64[(n >> sh) & 63]!);
    s += chars.slice(0, Math.min(4, Math.ceil(((Math.min(3, bytes.length - i)) * 8) / 6))).join('');
  }
  if (padded) s += '='.repeat((4 - (s.length % 4)) % 4);
  return urlSafe ? s.replace(/\+/g, '-').replace(/\//g, '_') : s;
}

/**
 * The encoded id `b64` with its id replaced by `mapId(id)` (same tag, same alphabet and padding),
 * or null when `b64` is not exactly such a protobuf.
 */
export function rewriteSduiKey(b64: string, mapId: (id: string) => string): string | null {
  const body = b64.replace(/={1,2}$/, '');
  const b = bytesOf(body);
  if (!b || b.length < 4 || (b[0] !== 0x0a && b[0] !== 0x12) || b[1] !== b.length - 2 || b[2] !== 0x08) return null;
  let value = 0n;
  let i = 3;
  for (let shift = 0n; ; i++, shift += 7n) {
    if (i >= b.length || shift > 63n) return null;
    value |= BigInt(b[i]! & 0x7f) << shift;
    if ((b[i]! & 0x80) === 0) break;
  }
  if (i !== b.length - 1 || (value & 1n) === 1n) return null;
  let v = BigInt(mapId((value >> 1n).toString())) << 1n;
  const varint: number[] = [];
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    varint.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  const out = [b[0]!, varint.length + 1, 0x08, ...varint];
  return base64Of(out, /[-_]/.test(body), body !== b64);
}
