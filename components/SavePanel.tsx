import { useEffect, useRef } from 'preact/hooks';
import type { Intent } from '../lib/schema';
import type { Translate } from './SaveButton';
import { IntentChips } from './IntentChips';
import { usePanelClose } from './save-panel/use-panel-close';
import { TagsField } from './save-panel/TagsField';
import { CollectionsField } from './save-panel/CollectionsField';
import { ThreadButton } from './save-panel/ThreadButton';

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

export { normaliseTag } from './save-panel/tags';

/**
 * The small panel shown next to the Save control after a save: learning intent, tags, note and
 * collections (recent ones one tap away), "Save thread" where offered, and the truncation notice.
 * In `failed` mode it shows the reason and a retry. A non-modal dialog of three parts: a head, a body
 * that scrolls when the window is too short, and a footer (Save thread, Done / Try again) that stays
 * in view. Esc, Done, × or a press outside close it; it never closes by itself
 * (docs/decisions/0010-save-panel-timing.md). Removing a tag moves focus to the next tag's remove
 * button, else the tag box, so focus never falls back to the page. Its parts live in
 * components/save-panel/ (the close and note hook, the tags and collections groups, the thread button).
 */
export function SavePanel(p: SavePanelProps) {
  const { t } = p;
  const root = useRef<HTMLDivElement>(null);
  const { note, setNote, commitNote, close, onKeyDown } = usePanelClose({ root, anchor: p.anchor, initialNote: p.note, onNote: p.onNote, onClose: p.onClose });

  // Focus on open, for keyboard users.
  useEffect(() => {
    if (p.autoFocus) root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

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

            <TagsField tags={p.tags} recentTags={p.recentTags} onTags={p.onTags} t={t} />

            <CollectionsField collectionIds={p.collectionIds} recentCollections={p.recentCollections} onCollections={p.onCollections} onCreateCollection={p.onCreateCollection} t={t} />

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
            <ThreadButton thread={p.thread} onSaveThread={p.onSaveThread} t={t} />
            <button type="button" class="satchel-primary" onClick={() => close('button')}>
              {t('savePanelDone')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
