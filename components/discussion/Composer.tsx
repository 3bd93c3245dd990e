import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_COMMENT_CHARS } from '../../lib/schema';
import { pluralKey, type Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { matchMembers } from './members';
import { insertMention, mentionAt, mentionsIn } from './mentions';
import type { MemberView } from './types';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** unique id prefix in the page */
  id: string;
  /** accessible name of the text box ("Write a comment", "Reply to Ana", "Edit your comment") */
  label: string;
  /** text of the send button ("Send", "Save") */
  submitLabel: string;
  /** the mention autocomplete's source */
  members: readonly MemberView[];
  /** text to start from (editing) and the members it mentions */
  initialText?: string;
  initialMentions?: readonly MemberView[];
  /**
   * Sends the trimmed text and the user ids still mentioned in it. Resolves when written (then the
   * box empties); a rejection's message is shown and the text is kept.
   */
  onSubmit: (body: string, mentions: string[]) => Promise<unknown>;
  /** shows Cancel (and Escape cancels) when given */
  onCancel?: () => void;
  autoFocus?: boolean;
  t: Translate;
}

/**
 * A comment box: a textarea and Send; Ctrl/⌘+Enter sends. Typing `@` opens an autocomplete listbox
 * of team members filtered as you type, with the keys of the ARIA 1.2 combobox pattern: ↓/↑ move
 * (`aria-activedescendant`), Enter or Tab picks, Escape closes the list. A `<textarea>` may carry
 * no role but textbox (ARIA in HTML), so it keeps that role with `aria-autocomplete="list"` and
 * `aria-controls`, and a polite status says how many members match while the list is open.
 * Picking inserts `@Display Name ` and records the member's user id; ids whose name is no longer
 * in the text are dropped when sending.
 */
export function Composer({ id, label, submitLabel, members, initialText = '', initialMentions = [], onSubmit, onCancel, autoFocus, t }: ComposerProps) {
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<readonly MemberView[]>(initialMentions);
  const [caret, setCaret] = useState(initialText.length);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const nextCaret = useRef<number | null>(null);

  useEffect(() => {
    if (autoFocus && box.current) {
      box.current.focus();
      box.current.setSelectionRange(box.current.value.length, box.current.value.length);
    }
  }, []);
  useEffect(() => {
    if (nextCaret.current !== null && box.current) {
      box.current.setSelectionRange(nextCaret.current, nextCaret.current);
      nextCaret.current = null;
    }
  });

  const at = mentionAt(text, caret);
  const suggestions = at && at.start !== dismissed ? matchMembers(members, at.query) : [];
  const open = suggestions.length > 0;
  const current = Math.min(active, suggestions.length - 1);
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const readCaret = () => setCaret(box.current?.selectionStart ?? text.length);

  const pick = (m: MemberView) => {
    if (!at) return;
    const r = insertMention(text, at, caret, m.displayName);
    setText(r.text);
    setCaret(r.caret);
    setPicked((p) => (p.some((x) => x.userId === m.userId) ? p : [...p, m]));
    setActive(0);
    nextCaret.current = r.caret;
  };

  const submit = async () => {
    const body = text.trim();
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body, mentionsIn(body, picked));
      setText('');
      setPicked([]);
      setCaret(0);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const n = suggestions.length;
      setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (open && (e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      pick(suggestions[current]!);
    } else if (open && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissed(at!.start);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <div class="composer">
      <div class="combo">
        <textarea
          ref={box}
          id={`${id}-text`}
          class="input composer__text"
          rows={2}
          maxLength={MAX_COMMENT_CHARS}
          aria-label={label}
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${current}` : undefined}
          aria-describedby={hintId}
          placeholder={t('discussionPlaceholder')}
          value={text}
          data-testid="composer-text"
          onInput={(e) => {
            const el = e.currentTarget as HTMLTextAreaElement;
            setText(el.value);
            setCaret(el.selectionStart ?? el.value.length);
            setActive(0);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => {
            if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) readCaret();
          }}
          onClick={readCaret}
          onBlur={() => setDismissed(at?.start ?? null)}
          onFocus={() => setDismissed(null)}
        />
        <ul id={listId} role="listbox" class="combo__list" aria-label={t('discussionMentionList')} hidden={!open}>
          {suggestions.map((m, i) => (
            <li
              key={m.userId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              class={i === current ? 'is-active' : ''}
              dir="auto"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              {m.displayName}
            </li>
          ))}
        </ul>
      </div>
      <span class="sr-only" role="status">{open ? fmt(t(pluralKey('discussionMentionCount', suggestions.length)), { count: suggestions.length }) : ''}</span>
      <div class="composer__bar">
        <span id={hintId} class="small muted">{t('discussionComposerHint')}</span>
        {onCancel ? <button type="button" class="btn btn--small" onClick={onCancel}>{t('optCancel')}</button> : null}
        <button type="button" class="btn btn--small btn--primary" disabled={busy || !text.trim()} onClick={() => void submit()} data-testid="composer-send">
          {submitLabel}
        </button>
      </div>
      {error ? <p class="error small" role="alert">{error}</p> : null}
    </div>
  );
}
