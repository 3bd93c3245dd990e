import { describe, it, expect } from 'vitest';
import { insertMention, mentionAt, mentionsIn } from './mentions';
import { matchMembers } from './members';
import { MEMBERS } from './testing';

describe('mention editing', () => {
  it('finds the @query before the caret, at the start or after a space, and not in an e-mail address', () => {
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('hi @be', 6)).toEqual({ start: 3, query: 'be' });
    expect(mentionAt('hi @Ben O', 9)).toEqual({ start: 3, query: 'Ben O' });
    expect(mentionAt('mail ana@example.org', 20)).toBeNull();
    expect(mentionAt('hi @Ben ', 8)).toBeNull();
    expect(mentionAt('hi @be\nx', 8)).toBeNull();
  });

  it('inserts @Display Name and a space in place of the query, caret after it', () => {
    const text = 'hi @be, see';
    const at = mentionAt(text, 6)!;
    expect(insertMention(text, at, 6, 'Ben Okafor')).toEqual({ text: 'hi @Ben Okafor , see', caret: 15 });
  });

  it('keeps only the ids whose name is still in the text', () => {
    expect(mentionsIn('thanks @Ben Okafor!', MEMBERS)).toEqual(['u-ben']);
    expect(mentionsIn('thanks Ben', MEMBERS)).toEqual([]);
  });

  it('filters members case- and accent-insensitively, name then word prefixes first', () => {
    expect(matchMembers(MEMBERS, 'chloe').map((m) => m.userId)).toEqual(['u-chloe']);
    expect(matchMembers(MEMBERS, 'o').map((m) => m.userId)).toEqual(['u-ben', 'u-dev', 'u-ana', 'u-chloe']);
    expect(matchMembers(MEMBERS, '').length).toBe(4);
    expect(matchMembers(MEMBERS, 'zz')).toEqual([]);
  });
});
