import { describe, expect, it } from 'vitest';
import { defaultQuestion, starterText } from './starter';
import { excerptOf } from './excerpt';
import { englishWords } from '../../tests/helpers/digest-words';

const { tr } = englishWords();

describe('conversation starter (docs/discussion.md "Conversation starter")', () => {
  it('is the why, one question and the link, a paragraph each', () => {
    expect(starterText({ note: '  Saved this for our onboarding.\nTwo lines. ', question: defaultQuestion('tip', tr), permalink: 'https://x.com/a/status/1' })).toBe(
      'Saved this for our onboarding.\nTwo lines.\n\nHas anyone tried this? How did it go?\n\nhttps://x.com/a/status/1',
    );
  });

  it('asks a question per intent, the general one without an intent', () => {
    expect(defaultQuestion('job-aid', tr)).toBe('Would this help in your work? What would you change?');
    expect(defaultQuestion('question', tr)).toBe('What do you think?');
    expect(defaultQuestion('share', tr)).toBe('What do you take from this?');
    expect(defaultQuestion(null, tr)).toBe('What do you think?');
  });

  it('leaves out a blank note, a blank question and any link that is not http(s)', () => {
    expect(starterText({ note: '   ', question: 'Q?', permalink: 'javascript:alert(1)' })).toBe('Q?');
    expect(starterText({ note: null, question: '', permalink: null })).toBe('');
  });
});

describe('excerptOf', () => {
  it('keeps short text on one line and cuts long text at a word boundary with an ellipsis', () => {
    expect(excerptOf(' a\n\tb  c ')).toBe('a b c');
    const e = excerptOf('alpha beta gamma delta', 15);
    expect(e).toBe('alpha beta…');
    expect(e.length).toBeLessThanOrEqual(15);
  });

  it('never leaves half an emoji', () => {
    const e = excerptOf('😀'.repeat(20), 10);
    expect(e.length).toBeLessThanOrEqual(10);
    expect(e).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
