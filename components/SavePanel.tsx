import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Intent } from '../lib/schema';
import type { Translate } from './SaveButton';
import { IntentChips } from './IntentChips';

/**
 * Why the panel closed; the host returns focus to the Save button after `escape` and `button`. The
 * panel never closes by itself (docs/decisions/0010-save-panel-timing.md).
 */
export type CloseReason = 'escape' | 'outside' | 'button';

/** The "Save thread" offer: hidden, offered, in flight, done, failed. */
export type ThreadOffer = 'none' | 'available' | 'saving' | 'saved' | 'failed';

/** Props of {@link SavePanel}. Every change is reported through a callback; the panel keeps no library state. */
export interface SavePanelProps {
  /** `saved`: pick intent, tags, note, collections. `failed`: the reason and a retry. */
  mode: 'saved' | 'failed';
  /** The failure reason (mode `failed`) or the last failed change (mode `saved`). */
  error: string | null;
  intent: Intent | null;
  tags: string[];
  note: string;
  collectionIds: string[];
  recentTags: string[];
  recentCollections: { id: string; name: string }[];
  /** The site showed only part of the post: say so (B001: never silent). */
  truncated: boolean;
  /** Site display name for the truncation notice. */
  siteName: string;
  thread: ThreadOffer;
  /** Move focus into the panel when it opens (the learner used the keyboard). */
  autoFocus: boolean;
  /** Pointer presses on this element do not count as "outside" (the Save button toggles the panel itself). */
  anchor?: Element | null;
  onIntent: (intent: Intent | null) => void;
  onTags: (tags: string[]) => void;
  onNote: (note: string | null) => void;
  onCollections: (ids: string[]) => void;
  onCreateCollection: (name: string) => void;
  onSaveThread: () => void;
  onRetry: () => void;
  onClose: (reason: CloseReason) => void;
  t: Translate;
}

/** Tags are trimmed, lower-cased, without a leading `#`, at most 64 characters. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').replace(/\s+/g, '-').toLowerCase().slice(0, 64);
}

/**
 * The small panel shown next to the Save control after a save: learning intent, tags, note and
 * collections (recent ones one tap away), "Save thread" where offered, and the truncation notice.
 * In `failed` mode it shows the reason and a retry. A non-modal dialog of three parts: a head, a body
 * that scrolls when the window is too short, and a footer (Save thread, Done / Try again) that stays
 * in view. Esc, Done, × or a press outside close it; it never closes by itself
 * (docs/decisions/0010-save-panel-timing.md). Removing a tag moves focus to the next tag's remove
 * button, else the tag box, so focus never falls back to the page.
 */
export function SavePanel(p: SavePanelProps) {
  const { t } = p;
  const root = useRef<HTMLDivElement>(null);
  const tagInput = useRef<HTMLInputElement>(null);
  const [tagDraft, setTagDraft] = useState('');
  const [colDraft, setColDraft] = useState('');
  const [note, setNote] = useState(p.note);
  const noteRef = useRef({ value: p.note, sent: p.note });
  noteRef.current.value = note;
  const onClose = useRef(p.onClose);
  onClose.current = p.onClose;
  // Where focus goes once the tag list re-renders after a removal or a quick pick: the button at
  // this index in `selector`, else the tag box.
  const refocus = useRef<{ selector: string; index: number } | null>(null);

  const commitNote = () => {
    const n = noteRef.current;
    if (n.value !== n.sent) {
      n.sent = n.value;
      p.onNote(n.value.trim() ? n.value : null);
    }
  };
  const close = (reason: CloseReason) => {
    commitNote();
    onClose.current(reason);
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  // Focus on open, for keyboard users.
  useEffect(() => {
    if (p.autoFocus) root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  // After a tag was removed or quick-picked, focus the next one of its kind (or the tag box).
  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = null;
    const next = root.current?.querySelectorAll<HTMLElement>(want.selector)[want.index];
    (next ?? tagInput.current)?.focus();
  }, [p.tags, p.recentTags]);

  // Outside press closes; listened in the capture phase because our host stops propagation.
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    const onDown = (e: Event) => {
      const path = e.composedPath();
      if (root.current && path.includes(root.current)) return;
      if (p.anchor && path.includes(p.anchor)) return;
      closeRef.current('outside');
    };
    doc.addEventListener('pointerdown', onDown, true);
    return () => doc.removeEventListener('pointerdown', onDown, true);
  }, [p.anchor]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close('escape');
    }
  };

  const addTag = (raw: string) => {
    const tag = normaliseTag(raw);
    if (tag && !p.tags.includes(tag)) p.onTags([...p.tags, tag]);
    setTagDraft('');
  };
  const removeTag = (index: number) => {
    refocus.current = { selector: '.satchel-tag-x', index };
    p.onTags(p.tags.filter((_, n) => n !== index));
  };
  const quickTags = p.recentTags.filter((x) => !p.tags.includes(x)).slice(0, 6);
  const pickQuick = (tag: string, index: number) => {
    refocus.current = { selector: '.satchel-chip.is-quick', index };
    p.onTags([...p.tags, tag]);
  };

  const title = p.mode === 'failed' ? t('savePanelFailedTitle') : t('savePanelTitle');
  return (
    <div ref={root} class="satchel-panel" role="dialog" aria-label={title} onKeyDown={onKeyDown}>
      <div class="satchel-head">
        <strong class="satchel-title">{title}</strong>
        <button type="button" class="satchel-x" aria-label={t('savePanelClose')} title={t('savePanelClose')} onClick={() => close('button')}>
          ×
        </button>
      </div>

      {p.mode === 'failed' ? (
        <>
          <div class="satchel-body">
            <p class="satchel-error" role="alert">{p.error ?? t('errorNoAnswer')}</p>
          </div>
          <div class="satchel-foot">
            <button type="button" class="satchel-primary" data-autofocus onClick={p.onRetry}>
              {t('savePanelRetry')}
            </button>
          </div>
        </>
      ) : (
        <>
          <div class="satchel-body">
            {p.truncated && (
              <p class="satchel-note-text" role="note">{t('savePanelTruncated', [p.siteName])}</p>
            )}

            <fieldset class="satchel-group">
              <legend>{t('savePanelIntentLabel')}</legend>
              <IntentChips value={p.intent} onChange={p.onIntent} t={t} class="satchel-chips" chipClass="satchel-chip" markFirst />
            </fieldset>

            <fieldset class="satchel-group">
              <legend>{t('savePanelTags')}</legend>
              <div class="satchel-chips">
                {p.tags.map((tag, n) => (
                  <span class="satchel-tag" key={tag}>
                    {tag}
                    <button type="button" class="satchel-tag-x" aria-label={t('savePanelRemoveTag', [tag])} onClick={() => removeTag(n)}>
                      ×
                    </button>
                  </span>
                ))}
                {quickTags.map((tag, n) => (
                  <button type="button" key={`+${tag}`} class="satchel-chip is-quick" aria-label={t('savePanelAddTag', [tag])} onClick={() => pickQuick(tag, n)}>
                    + {tag}
                  </button>
                ))}
              </div>
              <input
                ref={tagInput}
                class="satchel-input"
                type="text"
                value={tagDraft}
                aria-label={t('savePanelTagPlaceholder')}
                placeholder={t('savePanelTagPlaceholder')}
                maxLength={64}
                onInput={(e) => setTagDraft((e.currentTarget as HTMLInputElement).value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ',') {
                    e.preventDefault();
                    addTag(tagDraft);
                  }
                }}
                onBlur={() => tagDraft.trim() && addTag(tagDraft)}
              />
            </fieldset>

            <fieldset class="satchel-group">
              <legend>{t('savePanelCollections')}</legend>
              {p.recentCollections.length > 0 && (
                <div class="satchel-chips">
                  {p.recentCollections.map((c) => {
                    const on = p.collectionIds.includes(c.id);
                    return (
                      <button
                        type="button"
                        key={c.id}
                        class="satchel-chip"
                        aria-pressed={on}
                        onClick={() => p.onCollections(on ? p.collectionIds.filter((x) => x !== c.id) : [...p.collectionIds, c.id])}
                      >
                        {c.name}
                      </button>
                    );
                  })}
                </div>
              )}
              <input
                class="satchel-input"
                type="text"
                value={colDraft}
                aria-label={t('savePanelNewCollection')}
                placeholder={t('savePanelNewCollection')}
                maxLength={200}
                onInput={(e) => setColDraft((e.currentTarget as HTMLInputElement).value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && colDraft.trim()) {
                    e.preventDefault();
                    p.onCreateCollection(colDraft.trim());
                    setColDraft('');
                  }
                }}
              />
            </fieldset>

            <label class="satchel-group satchel-label">
              <span>{t('savePanelNote')}</span>
              <textarea
                class="satchel-input"
                rows={2}
                value={note}
                maxLength={20000}
                placeholder={t('savePanelNotePlaceholder')}
                onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
                onBlur={commitNote}
              />
            </label>

            {p.error && <p class="satchel-error" role="alert">{p.error}</p>}
          </div>

          <div class="satchel-foot">
            {p.thread !== 'none' && (
              /* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */
              <button
                type="button"
                class="satchel-secondary"
                aria-disabled={p.thread === 'saving' || p.thread === 'saved'}
                onClick={() => (p.thread === 'available' || p.thread === 'failed') && p.onSaveThread()}
              >
                {t(p.thread === 'saving' ? 'savePanelThreadSaving' : p.thread === 'saved' ? 'savePanelThreadSaved' : 'savePanelSaveThread')}
              </button>
            )}
            <button type="button" class="satchel-primary" onClick={() => close('button')}>
              {t('savePanelDone')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
