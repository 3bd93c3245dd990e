import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { absoluteTime } from '../lib/util/time';
import { fmt } from './format';
import { Modal } from './Modal';

/** What the container gives the starter (entrypoints/library/starter.ts). */
export interface ConversationStarterData {
  /** the copy-ready prompt: the learner's why, one question, the link (lib/digest/starter.ts), editable here */
  text: string;
  /** when a starter was last copied for this capture (epoch ms), or null */
  startedAt: number | null;
  /** called after a successful copy: records that the starter was used */
  onCopied: () => void;
}

/** Props of {@link ConversationStarter}. */
export interface ConversationStarterProps extends ConversationStarterData {
  t: Translate;
  locale?: string;
}

/**
 * "Start a conversation" (issue 11, docs/discussion.md "Conversation starter"): a button, and a small
 * dialog with the editable prompt, Copy (the clipboard) and "Copied" feedback; then "You started a
 * conversation on <date>". Satchel never posts: the learner pastes it where they want.
 */
export function ConversationStarter({ text, startedAt, onCopied, t, locale }: ConversationStarterProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(text);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft);
      setCopied(true);
      onCopied();
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" class="btn" onClick={() => { setDraft(text); setCopied(null); setOpen(true); }} data-testid="starter-open">
        {t('starterOpen')}
      </button>
      {startedAt !== null ? (
        <p class="muted" data-testid="starter-started">{fmt(t('starterStartedOn'), { date: absoluteTime(startedAt, locale) })}</p>
      ) : null}
      {open ? (
        <Modal title={t('starterOpen')} onClose={() => setOpen(false)} t={t} testId="starter-dialog">
          <p class="muted">{t('starterHelp')}</p>
          <label class="field">
            <span>{t('starterTextLabel')}</span>
            <textarea class="input" rows={8} value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)} data-testid="starter-text" />
          </label>
          <p>
            <button type="button" class="btn btn--primary" onClick={() => void copy()} data-testid="starter-copy">{t('starterCopy')}</button>{' '}
            <button type="button" class="btn" onClick={() => setOpen(false)}>{t('starterClose')}</button>{' '}
            <span role="status">{copied === null ? '' : t(copied ? 'digestCopied' : 'digestCopyFailed')}</span>
          </p>
        </Modal>
      ) : null}
    </>
  );
}
