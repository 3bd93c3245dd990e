import { describe, it, expect } from 'vitest';
import { TextIndex, type TextMatch } from './text-index';
import { terms } from './fold';

const doc = (o: Partial<{ body: string; people: string; mine: string; tags: string }>) => ({ body: '', people: '', mine: '', tags: '', ...o });

function build() {
  const idx = new TextIndex();
  idx.add(0, doc({ body: 'Leadership lessons from a retro', tags: 'growth' }));
  idx.add(1, doc({ body: 'Notes on learning', tags: 'leadership' }));
  idx.add(2, doc({ body: 'lots of words before the word leadership appears at last' }));
  idx.add(3, doc({ body: 'Équipe naïve 学习 成长', tags: '🚀 launch', people: 'Zoë Ávila' }));
  idx.add(4, doc({ body: 'lean startup and leap years', mine: 'my leadership note' }));
  return idx;
}
const q = (idx: TextIndex, text: string) => {
  const ts = terms(text);
  return idx.query(ts.map((term, i) => ({ term, prefix: i === ts.length - 1 })));
};
const docs = (m: TextMatch) => [...m.docs.subarray(0, m.count)].sort((a, b) => a - b);
const ranked = (m: TextMatch) => [...m.docs.subarray(0, m.count)].sort((a, b) => m.score[b]! - m.score[a]! || a - b);

describe('TextIndex', () => {
  it('prefix-matches the last term from its first letter; earlier terms match whole words', () => {
    const idx = build();
    expect(docs(q(idx, 'l'))).toEqual([0, 1, 2, 3, 4]);
    expect(docs(q(idx, 'le'))).toEqual([0, 1, 2, 4]);
    expect(docs(q(idx, 'lea'))).toEqual([0, 1, 2, 4]);
    expect(docs(q(idx, 'lead'))).toEqual([0, 1, 2, 4]);
    expect(docs(q(idx, 'leap'))).toEqual([4]);
    expect(docs(q(idx, 'leadership retro'))).toEqual([0]);
    expect(docs(q(idx, 'lead retro'))).toEqual([]); // "lead" is not the last term: whole word only
    expect(docs(q(idx, 'zzz'))).toEqual([]);
  });

  it('ranks a tag match above the learner\'s words, above an early body match, above a late one; exact above prefix', () => {
    const idx = build();
    expect(ranked(q(idx, 'leadership'))).toEqual([1, 4, 0, 2]);
    const m = q(idx, 'leadership');
    expect(m.score[0]!).toBeGreaterThan(m.score[2]!);
    const exact = m.score[1]!; // read before the next query: the arrays are reused
    const p = q(idx, 'leadershi');
    expect(p.score[1]!).toBeLessThan(exact);
  });

  it('folds diacritics and case; CJK characters and emoji are terms', () => {
    const idx = build();
    expect(docs(q(idx, 'EQUIPE naive'))).toEqual([3]);
    expect(docs(q(idx, 'zoe avila'))).toEqual([3]);
    expect(docs(q(idx, '学习'))).toEqual([3]);
    expect(docs(q(idx, '成'))).toEqual([3]);
    expect(docs(q(idx, '🚀'))).toEqual([3]);
  });

  it('tolerates one typo from 5 letters and reports the index term to highlight', () => {
    const idx = build();
    const m = q(idx, 'leadrship');
    expect(docs(m)).toEqual([0, 1, 2, 4]);
    expect(m.highlights).toContain('leadership');
    expect(docs(q(idx, 'lesn'))).toEqual([]); // 4 letters: no typo tolerance
  });

  it('a removed document never matches; a document re-added under a new number does', () => {
    const idx = build();
    idx.remove(1);
    expect(docs(q(idx, 'learning'))).toEqual([]);
    idx.add(9, doc({ body: 'learning again' }));
    expect(docs(q(idx, 'learning'))).toEqual([9]);
  });

  it('round-trips through toJSON/fromJSON', () => {
    const idx = build();
    idx.remove(2);
    const back = TextIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    expect(docs(q(back, 'lead'))).toEqual([0, 1, 4]);
    expect(docs(q(back, 'leadrship'))).toEqual([0, 1, 4]);
  });
});
