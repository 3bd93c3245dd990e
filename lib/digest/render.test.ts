// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import DOMPurify from 'dompurify';
import type { Digest, DigestItem } from '../schema/digest';
import { buildDigest } from './build';
import { renderDigestHtml } from './render-html';
import { renderDigestMarkdown } from './render-markdown';
import { PASTE_LIMITS, PASTE_SITES, renderDigestPaste } from './render-paste';
import { englishWords } from '../../tests/helpers/digest-words';
import { DAY, WEEK_START, makeCaptureRow, makeCommentRow, makeInput, makeMember, makeReactionRow } from './testing';

const words = englishWords();

/** A small week: a discussed tip, an answered question, an open one, a new member's first share. */
function sampleDigest(): Digest {
  const tip = makeCaptureRow({ text: 'Pair on *one* thing_a_day', postAuthor: 'Dee [Coach]' });
  const q = makeCaptureRow({ intent: 'question', note: 'How do you # run retros?', ownerUserId: 'u-ben' });
  const reply = makeCommentRow(q.id, { authorUserId: 'u-cleo', body: 'Sailboat <b>format</b>' });
  q.answerCommentId = reply.id;
  const open = makeCaptureRow({ intent: 'question', note: 'Who uses OKRs?', permalink: null, platform: 'x', postAuthor: null });
  const first = makeCaptureRow({ ownerUserId: 'u-dan', title: 'Onboarding guide', platform: 'yammer', createdAt: WEEK_START + 4 * DAY });
  return buildDigest(
    makeInput({
      members: [makeMember(), makeMember({ userId: 'u-ben', displayName: 'Ben' }), makeMember({ userId: 'u-cleo', displayName: 'Cleo' }), makeMember({ userId: 'u-dan', displayName: 'Dan', joinedAt: WEEK_START + 3 * DAY }), makeMember({ userId: 'u-hid', displayName: 'Hidden Person', spotlight: false })],
      captures: [tip, q, open, first],
      comments: [reply, makeCommentRow(tip.id, { authorUserId: 'u-hid' })],
      reactions: [makeReactionRow(tip.id), makeReactionRow(q.id)],
    }),
  );
}

describe('renderDigestMarkdown', () => {
  it('has the title, range, totals, every section, linked titles and the credit; escapes Markdown', () => {
    const md = renderDigestMarkdown(sampleDigest(), words);
    expect(md).toContain('# Learning Guild digest');
    expect(md).toMatch(/Nov 30\s–\sDec 6, 2026 · 4 captures shared · 2 comments · 2 reactions/); // Intl puts thin spaces around the dash
    for (const h of ['## Most discussed', '## Open questions', '## Answered questions', '## First shares from new members', '## Curated by']) expect(md).toContain(h);
    expect(md).toContain('[Pair on \\*one\\* thing\\_a\\_day](<https://www.linkedin.com/feed/update/urn:li:activity:1/>)');
    expect(md).toContain('Dee \\[Coach\\]');
    expect(md).toContain('How do you \\# run retros?');
    expect(md).toContain('Answered by Cleo: “Sailboat \\<b\\>format\\</b\\>”');
    expect(md).toContain('Curated by Ana, Cleo, Ben, Dan and one other team member.');
    expect(md).not.toContain('Hidden Person');
    expect(md).toContain('- a team member: 1 comment');
  });

  it('says when nothing happened', () => {
    const md = renderDigestMarkdown(buildDigest(makeInput()), words);
    expect(md).toContain('Nothing was shared or discussed in this period.');
    expect(md).not.toContain('## Curated by');
  });
});

describe('renderDigestHtml', () => {
  it('is a standalone document with a CSP, escaped text and only http(s) links', () => {
    const html = renderDigestHtml(sampleDigest(), words);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.title).toBe('Learning Guild digest');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.querySelector('style')).not.toBeNull();
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Most discussed', 'Open questions', 'Answered questions', 'First shares from new members', 'Curated by']);
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toContain('https://www.linkedin.com/feed/update/urn:li:activity:1/');
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(doc.body.textContent).toContain('Answered by Cleo: “Sailboat <b>format</b>”');
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.body.textContent).not.toContain('Hidden Person');
    DOMPurify.sanitize(doc.body.innerHTML);
    expect(DOMPurify.removed).toEqual([]);
  });
});

describe('renderDigestPaste', () => {
  it('is plain text with line breaks and bare links, within each limit', () => {
    for (const site of PASTE_SITES) {
      const p = renderDigestPaste(sampleDigest(), site, words);
      expect(p.length).toBe(p.text.length);
      expect(p.length).toBeLessThanOrEqual(PASTE_LIMITS[site]);
      expect(p.dropped).toBe(0);
      expect(p.text.split('\n')).toContain('https://www.linkedin.com/feed/update/urn:li:activity:1/');
      expect(p.text).toContain('MOST DISCUSSED');
      expect(p.text).toContain('Curated by Ana, Cleo, Ben, Dan and one other team member.');
    }
    expect(PASTE_LIMITS.linkedin).toBe(3000);
  });

  it('lists each capture once', () => {
    const p = renderDigestPaste(sampleDigest(), 'teams', words);
    expect(p.text.match(/Who uses OKRs\?/g)).toHaveLength(1);
  });

  it('when too long, drops the lowest items whole and says how many more are in Satchel', () => {
    const captures = Array.from({ length: 10 }, (_, i) =>
      makeCaptureRow({ text: `Item ${i} ${'lorem ipsum '.repeat(30)}`, note: 'dolor sit amet '.repeat(20), permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${i}${'9'.repeat(100)}/` }),
    );
    const d = buildDigest(makeInput({ captures }));
    const p = renderDigestPaste(d, 'linkedin', words);
    expect(p.dropped).toBeGreaterThan(0);
    expect(p.length).toBeLessThanOrEqual(3000);
    expect(p.text).toContain(`…and ${p.dropped} more in Satchel`);
    const kept = d.top.slice(0, d.top.length - p.dropped);
    for (const item of kept) expect(p.text.split('\n')).toContain(item.permalink);
    for (const item of d.top.slice(kept.length)) expect(p.text).not.toContain(item.permalink!);
  });

  it('property: any digest fits every site, and every link in it is whole and on its own line', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 400 });
    const person = fc.record({ userId: fc.uuid(), name: fc.option(fc.string({ minLength: 1, maxLength: 100 })) });
    const item: fc.Arbitrary<DigestItem> = fc.record({
      captureId: fc.uuid({ version: 7 }),
      platform: fc.constantFrom('linkedin', 'x', 'yammer', 'web'),
      postAuthor: fc.option(fc.string({ maxLength: 256 })),
      excerpt: text,
      permalink: fc.option(fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 2048)),
      intent: fc.option(fc.constantFrom('tip', 'job-aid', 'question', 'share')),
      sharedBy: person,
      note: fc.option(text),
      sharedAt: fc.integer({ min: WEEK_START, max: WEEK_START + 6 * DAY }),
      reactions: fc.nat(50),
      comments: fc.nat(50),
      answer: fc.option(fc.record({ by: person, excerpt: text })),
    });
    const items = fc.array(item, { maxLength: 10 });
    const digest: fc.Arbitrary<Digest> = fc.record({
      teamId: fc.constant('t'),
      teamName: fc.string({ minLength: 1, maxLength: 200 }),
      from: fc.constant(WEEK_START),
      to: fc.constant(WEEK_START + 7 * DAY),
      top: items,
      openQuestions: items,
      answeredQuestions: items,
      firstShares: items,
      contributors: fc.array(fc.record({ userId: fc.uuid(), name: fc.option(fc.string({ minLength: 1, maxLength: 100 })), shares: fc.nat(9), comments: fc.nat(9), answers: fc.nat(9) }), { maxLength: 60 }),
      totals: fc.record({ captures: fc.nat(), comments: fc.nat(), reactions: fc.nat() }),
    });
    fc.assert(
      fc.property(digest, (d) => {
        for (const site of PASTE_SITES) {
          const p = renderDigestPaste(d, site, words);
          expect(p.length).toBeLessThanOrEqual(PASTE_LIMITS[site]);
          const lines = p.text.split('\n');
          for (const l of lines) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(l)) expect(l).toMatch(/^https?:\/\/\S+$/);
          const all = [...d.top, ...d.openQuestions, ...d.answeredQuestions, ...d.firstShares];
          for (const i of all) {
            const url = i.permalink ? new URL(i.permalink).href : null;
            if (url && p.text.includes(url)) expect(lines).toContain(url);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
