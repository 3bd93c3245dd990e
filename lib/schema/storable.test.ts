import { describe, expect, it } from 'vitest';
import { CaptureDraft, MutationArgs, deepStorable, isStorable, toStorable } from '.';

describe('toStorable (issue 10: text both stores hold identically)', () => {
  it('removes U+0000 and turns lone surrogates into U+FFFD, keeping pairs', () => {
    expect(toStorable('a\u0000b')).toBe('ab');
    expect(toStorable('x\ud800y')).toBe('x\ufffdy');
    expect(toStorable('x\udc00')).toBe('x\ufffd');
    expect(toStorable('🎓 ok')).toBe('🎓 ok');
    expect(isStorable('🎓\u0000')).toBe(false);
  });
  it('is idempotent', () => {
    for (const s of ['\u0000\ud800\udc00\ud800', 'plain', '\udfff\u0000']) expect(toStorable(toStorable(s))).toBe(toStorable(s));
  });
  it('cleans every string of a parsed mutation, so the server never stores what the client does not hold', () => {
    const a = MutationArgs.addTag.parse({ captureId: '0190a000-0000-7000-8000-000000000001', tag: 'ai\u0000\ud800' });
    expect(a.tag).toBe('ai\ufffd');
    const set = MutationArgs.updateCapture.parse({ id: '0190a000-0000-7000-8000-000000000001', baseVersion: 0, set: { note: 'n\u0000' } });
    expect(set.set.note).toBe('n');
  });
  it('applies before length checks', () => {
    expect(CaptureDraft.shape.text.safeParse('\u0000'.repeat(10)).data).toBe('');
  });
  it('deepStorable cleans keys and values in nested objects and arrays', () => {
    expect(deepStorable({ 'k\u0000': ['\ud800', { x: 'y\u0000' }], n: 1, z: null })).toEqual({ k: ['\ufffd', { x: 'y' }], n: 1, z: null });
  });
});

describe('every wire string goes through storable() (issue 10: URL fields kept U+0000)', () => {
  it('no schema module builds a raw z.string() (record keys aside)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(process.cwd(), 'lib/schema') + '/';
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'storable.ts')
      .filter((f) => /(?<!record\()z\s*\.\s*string\(\)/.test(readFileSync(dir + f, 'utf8')));
    expect(offenders).toEqual([]);
  });
  it('URLs are cleaned too', () => {
    const url = CaptureDraft.shape.permalink.parse('https://x.com/a\u0000b\ud800');
    expect(url).toBe('https://x.com/ab\ufffd');
  });
});
