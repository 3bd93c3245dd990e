import { describe, it, expect } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { ExtractError } from '../sites/types';
import { errorOf, isOk, reasonOf, request, unreadableReason } from './replies';
import type { Send } from './types';

const t = (k: string) => k;

/** The bundled English strings with `$1` filled in; a missing key shows as `!!key`. */
const english = (k: string, subs: string[] = []) => {
  const m = (en as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[k];
  if (!m) return `!!${k}`;
  let out = m.message;
  for (const [name, p] of Object.entries(m.placeholders ?? {})) out = out.split(`$${name.toUpperCase()}$`).join(p.content.replace(/\$(\d)/g, (_, i) => subs[Number(i) - 1] ?? ''));
  return out;
};

describe('replies', () => {
  it.each<[{ ok: boolean; error?: string } | null | undefined, boolean]>([
    [{ ok: true }, true],
    [{ ok: false, error: 'no' }, false],
    [undefined, false],
    [null, false],
  ])('isOk(%j) is %s', (reply, ok) => {
    expect(isOk(reply)).toBe(ok);
  });

  it('errorOf reads a non-empty reason only', () => {
    expect(errorOf({ ok: false, error: 'Storage is full' })).toBe('Storage is full');
    expect(errorOf({ ok: false, error: '' })).toBeNull();
    expect(errorOf(undefined)).toBeNull();
  });

  it('reasonOf says to reload when the extension was updated or is gone', () => {
    expect(reasonOf(new Error('Extension context invalidated.'), t)).toBe('errorReload');
    expect(reasonOf(new Error('Could not establish connection. Receiving end does not exist.'), t)).toBe('errorReload');
    expect(reasonOf(new Error('quota'), t)).toBe('quota');
    expect(reasonOf(undefined, t)).toBe('errorNoAnswer');
  });

  it('request turns a rejected send into an error reply', async () => {
    const send: Send = async () => {
      throw new Error('gone');
    };
    expect(await request({ send, t }, { type: 'library/recent' })).toEqual({ ok: false, error: 'gone' });
  });

  describe('unreadableReason: a failed read is told in the learner\'s words, never the developer message', () => {
    it.each<[string, unknown, string]>([
      ['author', new ExtractError('linkedin', 'author', 'authorLabelButton'), "Satchel couldn't read who wrote this post. LinkedIn may have changed its page."],
      ['text', new ExtractError('x', 'text', 'postText', 'x: empty post 1: no text, media, quote or card (selector postText)'), "Satchel couldn't read what this post says. X may have changed its page."],
      ['id', new ExtractError('yammer', 'postId', 'permalink'), "Satchel couldn't find which post this is on Viva Engage. Opening the post on its own page may help, or Viva Engage may have changed its page."],
      ['anything else an adapter throws', new TypeError("Cannot read properties of null (reading 'textContent')"), "Satchel couldn't read this post. LinkedIn may have changed its page."],
    ])('%s', (_, err, sentence) => {
      const r = unreadableReason(err, 'linkedin', english);
      expect(r).toBe(`${sentence} To help us fix it, click the Satchel button in your browser's toolbar and choose Report this page.`);
      expect(r).not.toMatch(/selector|authorLabelButton|postText|permalink|textContent|!!/);
    });
  });
});
