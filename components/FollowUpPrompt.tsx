import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { sourceOf, type CaptureView } from './capture-view';

/** Props of {@link FollowUpPrompt}. */
export interface FollowUpPromptProps {
  /** A "tip to try" capture whose follow-up is due. */
  capture: CaptureView;
  /** Keeps the answer with the capture (evidence of applying it). */
  onAnswer: (answer: string) => void;
  /** Ask again later. */
  onLater: () => void;
  t: Translate;
  /** Short text preview length. Default 160. */
  previewChars?: number;
}

/**
 * "Did you try it? What happened?" for a tip saved a few days ago: a preview of the tip, a text box
 * for the answer, and "Ask me later".
 */
export function FollowUpPrompt({ capture: c, onAnswer, onLater, t, previewChars = 160 }: FollowUpPromptProps) {
  const [text, setText] = useState('');
  const id = `followup-${c.id}`;
  return (
    <section class="followup" aria-labelledby={`${id}-h`} data-testid="followup" data-capture-key={c.key}>
      <h2 id={`${id}-h`}>{t('followUpTitle')}</h2>
      <p class="followup__tip" dir="auto"><strong dir="auto">{sourceOf(c)}</strong>: {c.text.slice(0, previewChars)}{c.text.length > previewChars ? '…' : ''}</p>
      <form onSubmit={(e) => { e.preventDefault(); if (text.trim()) onAnswer(text); }}>
        <label class="field">
          <span class="field__label">{t('followUpQuestion')}</span>
          <textarea class="input" rows={2} dir="auto" maxLength={20_000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <div class="inline-actions">
          <button type="submit" class="btn btn--primary btn--small" disabled={!text.trim()}>{t('followUpSave')}</button>
          <button type="button" class="btn btn--small" onClick={onLater}>{t('followUpLater')}</button>
        </div>
      </form>
    </section>
  );
}
