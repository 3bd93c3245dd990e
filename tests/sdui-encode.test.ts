// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMENT_TOOLS, encodeSduiPostKey, sduiCommentToolsKey } from './e2e/sdui-encode';
import { FEED_TOTAL, LINKEDIN_SDUI_FEED, REPO_ROOT, loadSduiFeed, readFixtureHtml, sduiClone } from './e2e/demo-feeds';
import { decodeSduiPostKey } from '../lib/sites/linkedin/ids';

// The demo pages' SDUI id encoder (tests/e2e/sdui-encode.ts) is the inverse of the adapter's decoder:
// encoding each decoded id of the real capture must give its real key back, byte for byte. The keys
// are read from the capture itself (linkedin-2026-05_sdui-home-feed_8-items_no-ids.html); the
// decoded ids are LINKEDIN_SDUI_FEED's, checked against the fixture's .expected.json.
const html = readFixtureHtml('linkedin', LINKEDIN_SDUI_FEED.file);

/** The `<base64>` of the card's comment bar key in the capture. */
function realKey(token: string): string | null {
  const at = html?.indexOf(`${COMMENT_TOOLS}${token}FeedType_`) ?? -1;
  if (!html || at < 0) return null;
  return html.slice(html.lastIndexOf('"', at) + 1, at);
}

describe('encodeSduiPostKey', () => {
  it('the SDUI capture is at hand (tests/fixtures/linkedin)', () => {
    expect(html).not.toBeNull();
  });

  it.each(LINKEDIN_SDUI_FEED.posts.map((p) => [p.urn, p.token]))('encoding %s gives the real key of card %s back', (urn, token) => {
    const key = realKey(token);
    expect(key, 'the card has a comment bar key').toMatch(/^[A-Za-z0-9+/]{10,}$/);
    expect(encodeSduiPostKey(urn)).toBe(key);
    expect(html).toContain(`componentkey="${sduiCommentToolsKey(urn, token)}"`);
  });

  it("the decoded ids are those the fixture's .expected.json lists (checked against the raw corpus's index when it was copied)", () => {
    const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'linkedin', `${LINKEDIN_SDUI_FEED.file}.expected.json`), 'utf8')) as unknown;
    const ids: string[] = JSON.stringify(expected).match(/urn:li:(?:activity|ugcPost):\d+/g) ?? [];
    expect(LINKEDIN_SDUI_FEED.posts.map((p) => p.urn).every((u) => ids.includes(u))).toBe(true);
    expect(LINKEDIN_SDUI_FEED.posts).toHaveLength(7);
  });

  it("the demo feed's fresh SDUI ids decode back with the adapter's decoder, each card with its own token", () => {
    const tpls = loadSduiFeed()!.templates;
    const tokens = new Set<string>();
    for (let i = 0; i < FEED_TOTAL; i++) {
      const c = sduiClone(tpls[i % tpls.length]!, i);
      expect(decodeSduiPostKey(c.b64)?.urn).toBe(c.urn);
      expect(c.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      tokens.add(c.token);
    }
    expect(tokens.size).toBe(FEED_TOTAL);
  });

  it('writes byte 0 = field tag, byte 1 = length, then 0x08 and the varint of 2 × id', () => {
    expect([...Buffer.from(encodeSduiPostKey('urn:li:activity:1'), 'base64')]).toEqual([0x0a, 2, 0x08, 2]);
    expect([...Buffer.from(encodeSduiPostKey('urn:li:ugcPost:64'), 'base64')]).toEqual([0x12, 3, 0x08, 0x80, 0x01]);
    const big = Buffer.from(encodeSduiPostKey('urn:li:ugcPost:9223372036854775807'), 'base64');
    expect([big[0], big[1], big.length]).toEqual([0x12, 11, 13]); // 2^64 - 2 takes 10 varint bytes
  });

  it('builds whole comment-bar keys and refuses other URNs', () => {
    expect(sduiCommentToolsKey('urn:li:activity:7453849345784098669', 'tok')).toBe(`CgsI2r3pi5yfsvHOAQ${COMMENT_TOOLS}tokFeedType_MAIN_FEED_RELEVANCE`);
    expect(() => encodeSduiPostKey('urn:li:share:1')).toThrow();
    expect(() => encodeSduiPostKey('7453849345784098669')).toThrow();
  });
});
