import { useEffect, useRef, useState } from 'preact/hooks';
import type { Intent } from '../lib/schema';
import type { Translate } from './SaveButton';

/** Why the panel closed; the host returns focus to the Save button after `escape` and `button`. */
export type CloseReason = 'escape' | 'outside' | 'timeout' | 'button';

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
  /** Close after this long without any interaction. Default 8000 ms; 0 turns it off. */
  autoDismissMs?: number;
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

const INTENTS: { value: Intent; key: string }[] = [
  { value: 'tip', key: 'intentTip' },
  { value: 'job-aid', key: 'intentJobAid' },
  { value: 'question', key: 'intentQuestion' },
  { value: 'share', key: 'intentShare' },
];

/** Tags are trimmed, lower-cased, without a leading `#`, at most 64 characters. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').replace(/\s+/g, '-').toLowerCase().slice(0, 64);
}

/**
 * The small panel shown next to the Save control after a save: learning intent, tags, note and
 * collections (recent ones one tap away), "Save thread" where offered, and the truncation notice.
 * In `failed` mode it shows the reason and a retry. A non-modal dialog: Esc or a press outside
 * closes it, and it closes by itself when ignored.
 */
export function SavePanel(p: SavePanelProps) {
  const { t } = p;
  const root = useRef<HTMLDivElement>(null);
  const [tagDraft, setTagDraft] = useState('');
  const [colDraft, setColDraft] = useState('');
  const [note, setNote] = useState(p.note);
  const noteRef = useRef({ value: p.note, sent: p.note });
  noteRef.current.value = note;
  const touched = useRef(false);
  const onClose = useRef(p.onClose);
  onClose.current = p.onClose;

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

  // Auto-dismiss when ignored: any interaction stops the timer for good.
  useEffect(() => {
    const ms = p.autoDismissMs ?? 8000;
    if (!ms || p.autoFocus) return;
    const timer = setTimeout(() => {
      if (!touched.current) closeRef.current('timeout');
    }, ms);
    return () => clearTimeout(timer);
  }, []);
  const touch = () => {
    touched.current = true;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    touch();
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
  const quickTags = p.recentTags.filter((x) => !p.tags.includes(x)).slice(0, 6);

  const title = p.mode === 'failed' ? t('savePanelFailedTitle') : t('savePanelTitle');
  return (
    <div
      ref={root}
      class="satchel-panel"
      role="dialog"
      aria-label={title}
      onKeyDown={onKeyDown}
      onPointerDown={touch}
      onFocusIn={touch}
      onInput={touch}
    >
      <div class="satchel-head">
        <strong class="satchel-title">{title}</strong>
        <button type="button" class="satchel-x" aria-label={t('savePanelClose')} title={t('savePanelClose')} onClick={() => close('button')}>
          ×
        </button>
      </div>

      {p.mode === 'failed' ? (
        <>
          <p class="satchel-error" role="alert">{p.error ?? t('errorNoAnswer')}</p>
          <div class="satchel-actions">
            <button type="button" class="satchel-primary" data-autofocus onClick={p.onRetry}>
              {t('savePanelRetry')}
            </button>
          </div>
        </>
      ) : (
        <>
          {p.truncated && (
            <p class="satchel-note-text" role="note">{t('savePanelTruncated', [p.siteName])}</p>
          )}

          <fieldset class="satchel-group">
            <legend>{t('savePanelIntentLabel')}</legend>
            <div class="satchel-chips">
              {INTENTS.map((i, n) => (
                <button
                  type="button"
                  class="satchel-chip"
                  aria-pressed={p.intent === i.value}
                  data-autofocus={n === 0 ? '' : undefined}
                  onClick={() => p.onIntent(p.intent === i.value ? null : i.value)}
                >
                  {t(i.key)}
                </button>
              ))}
            </div>
          </fieldset>

          <fieldset class="satchel-group">
            <legend>{t('savePanelTags')}</legend>
            <div class="satchel-chips">
              {p.tags.map((tag) => (
                <span class="satchel-tag">
                  {tag}
                  <button type="button" class="satchel-tag-x" aria-label={t('savePanelRemoveTag', [tag])} onClick={() => p.onTags(p.tags.filter((x) => x !== tag))}>
                    ×
                  </button>
                </span>
              ))}
              {quickTags.map((tag) => (
                <button type="button" class="satchel-chip is-quick" aria-label={t('savePanelAddTag', [tag])} onClick={() => p.onTags([...p.tags, tag])}>
                  + {tag}
                </button>
              ))}
            </div>
            <input
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

          {p.thread !== 'none' && (
            <div class="satchel-actions">
              {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
              <button
                type="button"
                class="satchel-secondary"
                aria-disabled={p.thread === 'saving' || p.thread === 'saved'}
                onClick={() => (p.thread === 'available' || p.thread === 'failed') && p.onSaveThread()}
              >
                {t(p.thread === 'saving' ? 'savePanelThreadSaving' : p.thread === 'saved' ? 'savePanelThreadSaved' : 'savePanelSaveThread')}
              </button>
            </div>
          )}

          {p.error && <p class="satchel-error" role="alert">{p.error}</p>}

          <div class="satchel-actions">
            <button type="button" class="satchel-primary" onClick={() => close('button')}>
              {t('savePanelDone')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
