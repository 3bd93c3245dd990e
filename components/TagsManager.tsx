import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import { Modal } from './Modal';

/** Props of {@link TagsManager}. */
export interface TagsManagerProps {
  /** Tags with the number of captures carrying them, most used first. */
  tags: ReadonlyArray<[string, number]>;
  /** Renames `from` to `to` on every capture; when `to` is an existing tag this merges them. */
  onRename: (from: string, to: string) => void;
  onClose: () => void;
  t: Translate;
  locale?: string;
}

/**
 * The tags manager: every tag with its count; rename a tag across all captures, or merge it into
 * another by renaming it to that tag's name (a datalist offers the existing names).
 */
export function TagsManager({ tags, onRename, onClose, t, locale }: TagsManagerProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [to, setTo] = useState('');
  return (
    <Modal title={t('tagsManagerTitle')} onClose={onClose} t={t} testId="tags-manager">
      <p class="muted">{t('tagsManagerHelp')}</p>
      <datalist id="all-tags">{tags.map(([name]) => <option key={name} value={name} />)}</datalist>
      {tags.length === 0 ? <p>{t('tagsManagerEmpty')}</p> : null}
      <ul class="tags-list">
        {tags.map(([name, n]) => (
          <li key={name} class="tags-list__item" data-tag={name}>
            {editing === name ? (
              <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (to.trim() && to.trim() !== name) onRename(name, to.trim()); setEditing(null); }}>
                <label class="sr-only" for="tag-rename">{fmt(t('tagRenameLabel'), { tag: name })}</label>
                <input id="tag-rename" class="input input--small" list="all-tags" value={to} maxLength={64} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(null); } }} />
                <button type="submit" class="btn btn--small">{tags.some(([x]) => x.toLowerCase() === to.trim().toLowerCase() && x !== name) ? t('tagMerge') : t('tagRename')}</button>
              </form>
            ) : (
              <>
                <span class="chip" dir="auto">#{name}</span>
                <span class="count">{n.toLocaleString(locale)}</span>
                <button type="button" class="btn btn--small btn--ghost" onClick={() => { setEditing(name); setTo(name); }}>
                  {fmt(t('tagRenameButton'), { tag: name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
