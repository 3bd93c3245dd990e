/**
 * Test helper: the inverse of the LinkedIn adapter's SDUI id decoder (lib/sites/linkedin/ids.ts,
 * `decodeSduiPostKey`; docs/sites/linkedin.md "Post id"). The demo pages use it to give every cloned SDUI
 * post a fresh id in its comment bar's key `<base64>-replaceableCommentTools<token>FeedType_…`.
 *
 * `<base64>` is a tiny protobuf: byte 0 the field tag (`0x0A` = field 1 = activity, `0x12` = field
 * 2 = ugcPost), byte 1 the length of the rest, then `0x08` and a varint of the zigzag-encoded id
 * (2 × id). LinkedIn writes it in the standard base64 alphabet without padding (all 7 keys of the
 * real capture, tests/sdui-encode.test.ts). No Node APIs: the React demo page bundles it too.
 */

const TAGS = { activity: 0x0a, ugcPost: 0x12 } as const;
export type SduiUrnKind = keyof typeof TAGS;

/** The marker between the encoded id and the card token in a comment-bar key. */
export const COMMENT_TOOLS = '-replaceableCommentTools';
/** The feed type suffix of the home feed's keys. */
export const MAIN_FEED_TYPE = 'FeedType_MAIN_FEED_RELEVANCE';

/** `urn:li:activity:<id>` / `urn:li:ugcPost:<id>` → kind and id; throws on anything else. */
export function parseSduiUrn(urn: string): { kind: SduiUrnKind; id: bigint } {
  const m = /^urn:li:(activity|ugcPost):(\d{1,25})$/.exec(urn);
  if (!m) throw new Error(`not an activity/ugcPost URN: ${urn}`);
  return { kind: m[1] as SduiUrnKind, id: BigInt(m[2]!) };
}

/** The `<base64>` part of a comment-bar key for a post URN (the inverse of `decodeSduiPostKey`). */
export function encodeSduiPostKey(urn: string): string {
  const { kind, id } = parseSduiUrn(urn);
  const varint: number[] = [];
  for (let v = id * 2n; ; v >>= 7n) {
    if (v < 0x80n) {
      varint.push(Number(v));
      break;
    }
    varint.push(Number(v & 0x7fn) | 0x80);
  }
  const body = [0x08, ...varint];
  // btoa, not Buffer: the React demo page bundles this module for the browser too.
  return btoa(String.fromCharCode(TAGS[kind], body.length, ...body)).replace(/=+$/, '');
}

/** A whole comment-bar key: `<base64>-replaceableCommentTools<token><feedType>`. */
export function sduiCommentToolsKey(urn: string, token: string, feedType: string = MAIN_FEED_TYPE): string {
  return `${encodeSduiPostKey(urn)}${COMMENT_TOOLS}${token}${feedType}`;
}
