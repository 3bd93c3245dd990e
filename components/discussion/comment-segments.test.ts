import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { segmentComment } from './comment-segments';
import { UNSAFE_URLS } from '../../tests/helpers/xss-payloads';

const ana = { userId: 'u-ana', displayName: 'Ana Souza' };
const an = { userId: 'u-an', displayName: 'Ana' };

describe('segmentComment', () => {
  it('makes http(s) URLs links, trims sentence punctuation off them, and keeps the rest as text', () => {
    expect(segmentComment('See https://example.com/a?b=1. And http://x.org/y!', [])).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'http://x.org/y', href: 'http://x.org/y' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never links a non-http(s) URL', () => {
    for (const u of [...UNSAFE_URLS, 'ftp://example.com/x', 'mailto:a@b.c', 'https://']) {
      expect(segmentComment(`go ${u} now`, []).filter((s) => s.kind === 'link')).toEqual([]);
    }
  });

  it('highlights @mentions of mentioned members only, longest name first, not inside longer words', () => {
    const segs = segmentComment('@Ana Souza and @Ana, not @Anabel or @Ben', [an, ana]);
    expect(segs.filter((s) => s.kind === 'mention')).toEqual([
      { kind: 'mention', text: '@Ana Souza', userId: 'u-ana' },
      { kind: 'mention', text: '@Ana', userId: 'u-an' },
    ]);
  });

  it('names with regex characters are matched literally', () => {
    const odd = { userId: 'u-x', displayName: 'A.(b)*' };
    expect(segmentComment('hi @A.(b)* and @AX(b)', [odd]).filter((s) => s.kind === 'mention').map((s) => s.text)).toEqual(['@A.(b)*']);
  });

  it('joining the segments gives the body back exactly (property)', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('https://example.com/x).', '@Ana Souza', '@Ana', ' ', '\n', 'javascript:alert(1)', 'http://a.b/c?d=<e>'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const body = parts.join('');
        const segs = segmentComment(body, [an, ana]);
        expect(segs.map((s) => s.text).join('')).toBe(body);
        for (const s of segs) if (s.kind === 'link') expect(s.href).toMatch(/^https?:\/\//);
      }),
      { numRuns: 300 },
    );
  });
});
