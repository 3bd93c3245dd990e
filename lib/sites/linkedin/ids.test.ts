import { describe, it, expect } from 'vitest';
import {
  activityIdToIso,
  base64Bytes,
  decodeSduiPostKey,
  exactPostUrn,
  splitCommentToolsKey,
  urnFromCommentToolsKey,
  allPostUrns,
  normaliseComponentKey,
  parsePostUrn,
  permalinkFor,
  postedAtFromUrn,
  preferActivity,
  urnFromComponentKey,
  urnFromPostUrl,
  urnFromTrackingScope,
} from './ids';

const NOW = Date.UTC(2026, 11, 1);

describe('activityIdToIso (ms = id >> 22)', () => {
  it.each([
    // the three logged-in fixtures (index.json created_at_from_id)
    ['7242285086220451164', '2024-09-18T21:35:19.705Z'],
    ['7366738224133115565', '2025-08-28T07:47:40.010Z'],
    ['7486042476307682086', '2026-07-23T13:00:10.295Z'],
    // synthetic fixtures
    ['7532483978747631239', '2026-11-28T16:42:07.318Z'],
    ['7196074902997961347', '2024-05-14T09:12:33.481Z'],
  ])('%s → %s', (id, iso) => {
    expect(activityIdToIso(id, NOW)).toBe(iso);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not digits'],
    ['-7366738224133115565', 'negative'],
    ['12345', 'decodes to 1970'],
    ['99999999999999999999', 'decodes far in the future'],
  ])('%s → null (%s)', (id) => {
    expect(activityIdToIso(id, NOW)).toBeNull();
  });

  it('keeps precision beyond 2^53 (BigInt): ids differing only in the low 22 bits give the same ms', () => {
    const cleared = ((BigInt('7366738224133115565') >> 22n) << 22n).toString();
    expect(cleared).not.toBe('7366738224133115565');
    expect(activityIdToIso(cleared, NOW)).toBe('2025-08-28T07:47:40.010Z');
    // Number() would round a 19-digit id before shifting; BigInt keeps every bit
    expect(Number('7366738224133115565') === Number('7366738224133115566')).toBe(true);
    expect(activityIdToIso('7366738224133115566', NOW)).toBe('2025-08-28T07:47:40.010Z');
  });

  it('postedAtFromUrn decodes every post URN kind (ugcPost verified on the SDUI feed fixture: "17h", "5h")', () => {
    expect(postedAtFromUrn(parsePostUrn('urn:li:activity:7366738224133115565'), NOW)).toBe('2025-08-28T07:47:40.010Z');
    expect(postedAtFromUrn(parsePostUrn('urn:li:ugcPost:7455450864165221320'), NOW)).toBe('2026-04-30T03:00:01.595Z');
    expect(postedAtFromUrn(parsePostUrn('urn:li:ugcPost:7455634325133410494'), NOW)).toBe('2026-04-30T15:09:02.099Z');
    expect(postedAtFromUrn(parsePostUrn('urn:li:share:7366738224133115000'), NOW)).toBe('2025-08-28T07:47:40.010Z');
    expect(postedAtFromUrn(parsePostUrn('urn:li:share:1234567'), NOW)).toBeNull(); // not a plausible time
    expect(postedAtFromUrn(null, NOW)).toBeNull();
  });
});

describe('URN parsing', () => {
  it.each([
    ['urn:li:activity:7366738224133115565', 'urn:li:activity:7366738224133115565'],
    ['urn:li:ugcPost:7241680825533831541', 'urn:li:ugcPost:7241680825533831541'],
    ['urn:li:share:7241680825533831541', 'urn:li:share:7241680825533831541'],
    ['urn%3Ali%3Aactivity%3A7241680825533831541', 'urn:li:activity:7241680825533831541'],
    ['prefix urn:li:activity:7241680825533831541 suffix', 'urn:li:activity:7241680825533831541'],
    ['urn:li:aggregate:(urn:li:activity:1,2)', null],
    ['urn:li:fsd_profile:ACoAAPLACEHOLDER', null],
    ['', null],
  ])('parsePostUrn(%s) → %s', (s, urn) => {
    expect(parsePostUrn(s)?.urn ?? null).toBe(urn);
  });

  it('allPostUrns lists every URN once, in order', () => {
    expect(allPostUrns('a urn:li:share:1234567 b urn:li:activity:7654321 c urn:li:share:1234567').map((u) => u.urn)).toEqual([
      'urn:li:share:1234567',
      'urn:li:activity:7654321',
    ]);
  });

  it('preferActivity: first activity URN wins, else the first share/ugcPost', () => {
    const share = parsePostUrn('urn:li:share:1234567');
    const act = parsePostUrn('urn:li:activity:7654321');
    expect(preferActivity([null, share, act])?.urn).toBe('urn:li:activity:7654321');
    expect(preferActivity([share, null])?.urn).toBe('urn:li:share:1234567');
    expect(preferActivity([null, undefined])).toBeNull();
  });

  it('permalinkFor builds the /feed/update/ URL', () => {
    expect(permalinkFor('urn:li:activity:7366738224133115565')).toBe('https://www.linkedin.com/feed/update/urn:li:activity:7366738224133115565/');
  });
});

describe('urnFromPostUrl', () => {
  it.each([
    ['https://www.linkedin.com/feed/update/urn:li:activity:7366738224133115565/', 'urn:li:activity:7366738224133115565'],
    ['/feed/update/urn:li:ugcPost:7241680825533831541?commentUrn=x', 'urn:li:ugcPost:7241680825533831541'],
    ['https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7366738224133115565/', 'urn:li:activity:7366738224133115565'],
    ['https://www.linkedin.com/posts/member-p_phd-opportunity-activity-7196074902997961347-Ph7D', 'urn:li:activity:7196074902997961347'],
    ['https://www.linkedin.com/posts/example-labs_opensource-featureflags-activity-7531722246386768896-Xy7Q?utm_source=share', 'urn:li:activity:7531722246386768896'],
    ['https://www.linkedin.com/posts/member-a_slug-ugcPost-7241680825533831541-AbCd/', 'urn:li:ugcPost:7241680825533831541'],
    // names another post: never this post's id
    ['https://www.linkedin.com/feed/hashtag/?keywords=web&highlightedUpdateUrns=urn%3Ali%3Aactivity%3A7241680825533831541', null],
    ['https://www.linkedin.com/in/member-a?miniProfileUrn=urn%3Ali%3Afsd_profile%3AX', null],
    ['https://www.linkedin.com/feed/', null],
    [null, null],
  ])('%s → %s', (href, urn) => {
    expect(urnFromPostUrl(href)?.urn ?? null).toBe(urn);
  });
});

describe('tracking scope and componentkey', () => {
  it('reads breadcrumb.updateUrn (2025-08 fixture shape)', () => {
    const json = JSON.stringify([
      { topicName: 'FeedUpdateServedEvent', breadcrumb: { updateUrn: 'urn:li:activity:7366738224133115565', moduleKey: 'home-feed:desktop' } },
    ]);
    expect(urnFromTrackingScope(json)?.urn).toBe('urn:li:activity:7366738224133115565');
  });
  it.each([['not json'], ['[]'], ['[{"breadcrumb":{}}]'], [null]])('%s → null', (json) => {
    expect(urnFromTrackingScope(json)).toBeNull();
  });
  it('reads the activity URN of an SDUI loaded comment key', () => {
    expect(urnFromComponentKey('replaceableComment_urn:li:comment:(urn:li:activity:7533047717065960019,7533062258688000011)')?.urn).toBe(
      'urn:li:activity:7533047717065960019',
    );
    expect(urnFromComponentKey('expandedQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE')).toBeNull();
  });
  it.each([
    ['Q2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE', 'Q2hDRzR4bUVyT0lRa1FiR3c9PQ'],
    ['expandedQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE', 'Q2hDRzR4bUVyT0lRa1FiR3c9PQ'],
    ['update-card-focusQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_FLAGSHIP_SEARCH', 'Q2hDRzR4bUVyT0lRa1FiR3c9PQ'],
    ['plain-key', 'plain-key'],
  ])('normaliseComponentKey(%s) → %s', (key, norm) => {
    expect(normaliseComponentKey(key)).toBe(norm);
  });
});

/** Builds an SDUI comment-bar id: `tag`, length, 0x08, varint(zigzag value), `extra` bytes; base64. */
function encodeKey(tag: number, value: bigint, opts: { extra?: number[]; inner?: number; length?: number; urlSafe?: boolean; pad?: boolean } = {}): string {
  const varint: number[] = [];
  let v = value;
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    varint.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  const rest = [opts.inner ?? 0x08, ...varint, ...(opts.extra ?? [])];
  const bytes = Uint8Array.from([tag, opts.length ?? rest.length, ...rest]);
  let b64 = Buffer.from(bytes).toString('base64');
  if (opts.urlSafe) b64 = b64.replace(/\+/g, '-').replace(/\//g, '_');
  return opts.pad ? b64 : b64.replace(/=+$/, '');
}

describe('decodeSduiPostKey: the SDUI comment bar encodes the post id (docs/sites/linkedin.md "The SDUI encoded id")', () => {
  const ID = 7455651781767760108n;
  it.each([
    // the 7 posts of linkedin-2026-05_sdui-home-feed_8-items_no-ids (expected ids from shared index.json)
    ['CgsI2r3pi5yfsvHOAQ', 'urn:li:activity:7453849345784098669'],
    ['CgsItK7P/KGq4Z3OAQ', 'urn:li:activity:7430308991601339290'],
    ['EgsIkM+T7+3DivfOAQ', 'urn:li:ugcPost:7455450864165221320'],
    ['CgsI2KO01Oby5ffOAQ', 'urn:li:activity:7455651781767760108'],
    ['CgsIuO7cw4mB1fHOAQ', 'urn:li:activity:7453925793710447516'],
    ['CgsI4Pvmxs6GuvbOAQ', 'urn:li:activity:7455273890129698544'],
    ['EgsI/ILKzNj63ffOAQ', 'urn:li:ugcPost:7455634325133410494'],
  ])('real key %s → %s', (b64, urn) => {
    expect(decodeSduiPostKey(b64, NOW)?.urn).toBe(urn);
  });

  it.each([
    ['activity (tag 0x0A)', encodeKey(0x0a, ID * 2n), 'urn:li:activity:7455651781767760108'],
    ['ugcPost (tag 0x12)', encodeKey(0x12, ID * 2n), 'urn:li:ugcPost:7455651781767760108'],
    ['standard alphabet with / and +', 'EgsIkM+T7+3DivfOAQ', 'urn:li:ugcPost:7455450864165221320'],
    ['URL-safe alphabet (- and _)', 'EgsIkM-T7-3DivfOAQ', 'urn:li:ugcPost:7455450864165221320'],
    ['URL-safe _ for /', 'CgsItK7P_KGq4Z3OAQ', 'urn:li:activity:7430308991601339290'],
    ['padding ==', 'CgsI2KO01Oby5ffOAQ==', 'urn:li:activity:7455651781767760108'],
    ['built with padding', encodeKey(0x0a, ID * 2n, { pad: true }), 'urn:li:activity:7455651781767760108'],
  ])('valid: %s', (_what, b64, urn) => {
    expect(decodeSduiPostKey(b64, NOW)?.urn).toBe(urn);
  });

  it.each([
    ['unknown tag 0x32 (the course card of the SDUI feed fixture)', 'MgUIkquEBA'],
    ['unknown tag 0x1A', encodeKey(0x1a, ID * 2n)],
    ['length byte too small', encodeKey(0x0a, ID * 2n, { length: 10 })],
    ['length byte too large', encodeKey(0x0a, ID * 2n, { length: 12 })],
    ['trailing bytes after the varint', encodeKey(0x0a, ID * 2n, { extra: [0x10, 0x01] })],
    ['inner tag 0x10 instead of 0x08', encodeKey(0x0a, ID * 2n, { inner: 0x10 })],
    ['odd zigzag value (a negative number)', encodeKey(0x0a, ID * 2n + 1n)],
    ['id 0', encodeKey(0x0a, 0n)],
    ['implausible time (id decodes to 1970)', encodeKey(0x0a, 2n * 123456789n)],
    ['implausible time (far future)', encodeKey(0x0a, 2n * (BigInt(Date.UTC(2100, 0, 1)) << 22n))],
    ['cut varint (continuation bit on the last byte)', Buffer.from([0x0a, 0x02, 0x08, 0x80]).toString('base64')],
    ['too short', 'CgE'],
    ['wrong padding (one = on a 2-byte tail)', 'CgsI2KO01Oby5ffOAQ='],
    ['mixed alphabets', 'EgsIkM+T7-3DivfOAQ'],
    ['not base64', 'Cgs I2KO01Oby5ffOAQ'],
    ['empty', ''],
  ])('null: %s', (_what, b64) => {
    expect(decodeSduiPostKey(b64, NOW)).toBeNull();
  });

  it('base64Bytes decodes both alphabets the same', () => {
    expect(Array.from(base64Bytes('-_8')!)).toEqual(Array.from(base64Bytes('+/8')!));
    expect(Array.from(base64Bytes('+/8')!)).toEqual([0xfb, 0xff]);
  });

  it('the key is bound to its card by the token (a key with another token is never the card id)', () => {
    const key = 'CgsI2KO01Oby5ffOAQ-replaceableCommentToolsnL35T5gFgzaFOj3zKjy79jiPnPJLiM80MbKn_WM1VC8FeedType_MAIN_FEED_RELEVANCE';
    expect(splitCommentToolsKey(key)).toEqual({ encoded: 'CgsI2KO01Oby5ffOAQ', token: 'nL35T5gFgzaFOj3zKjy79jiPnPJLiM80MbKn_WM1VC8' });
    expect(urnFromCommentToolsKey(key, 'nL35T5gFgzaFOj3zKjy79jiPnPJLiM80MbKn_WM1VC8', NOW)?.urn).toBe('urn:li:activity:7455651781767760108');
    expect(urnFromCommentToolsKey(key, 'tZCvg6mQUbHPXdhoYvBh6myBkQKrEQvE1ljgyMubZL4', NOW)).toBeNull();
    expect(urnFromCommentToolsKey(key, '', NOW)).toBeNull();
    // a URL-safe encoded id may end in "-": the marker is found after it
    expect(splitCommentToolsKey('abc--replaceableCommentToolsTOKENFeedType_X')).toEqual({ encoded: 'abc-', token: 'TOKEN' });
    expect(splitCommentToolsKey('replaceableComment_urn:li:comment:(urn:li:activity:1,2)')).toBeNull();
    expect(splitCommentToolsKey('CgsI-replaceableCommentToolsFeedType_X')).toBeNull(); // no token
  });

  it('exactPostUrn accepts only a whole post URN (the click-time probe result)', () => {
    expect(exactPostUrn('urn:li:activity:7455651781767760108')?.urn).toBe('urn:li:activity:7455651781767760108');
    expect(exactPostUrn('urn:li:ugcPost:7455634325133410494')?.kind).toBe('ugcPost');
    expect(exactPostUrn('reactionsCount-urn:li:activity:7455651781767760108')).toBeNull();
    expect(exactPostUrn('urn:li:comment:(urn:li:activity:1,2)')).toBeNull();
    expect(exactPostUrn(null)).toBeNull();
  });
});
