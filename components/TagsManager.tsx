import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The tags manager: every tag with its count; rename a tag across all captures, or merge it into
 * another by renaming it to that tag's name (a datalist offers the existing names).
 *
 * Focus (issue 12): "Rename" turns the row into a form whose field takes focus; Esc in the field
 * cancels (the dialog stays), and after a rename, merge or cancel focus goes to the tag's Rename
 * button (the new name's once the list shows it, else the first tag's, else the dialog's close).
 */
export function TagsManager({ tags, onRename, onClose, t, locale }: TagsManagerProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // The tag whose Rename button should take focus once it is rendered.
  const [focusTag, setFocusTag] = useState<string | null>(null);
  const names = tags.map(([n]) => n).join('\n');
  const namesAtFinish = useRef(names);

  useLayoutEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  useLayoutEffect(() => {
    if (focusTag === null || !list.current) return;
    const rows = [...list.current.querySelectorAll<HTMLElement>('[data-tag]')];
    const row = rows.find((r) => same(r.dataset.tag ?? '', focusTag));
    const button = (row ?? rows[0])?.querySelector<HTMLElement>('button[data-rename]');
    if (button) {
      button.focus();
      // Wait for the renamed tag while the list has not changed yet (the write is async); once it has, stop.
      if (row || names !== namesAtFinish.current) setFocusTag(null);
    }
  }, [focusTag, names]);

  const finish = (name: string) => {
    setEditing(null);
    namesAtFinish.current = names;
    setFocusTag(name);
  };

  return (
    <Modal title={t('tagsManagerTitle')} onClose={onClose} t={t} testId="tags-manager">
      <p class="muted">{t('tagsManagerHelp')}</p>
      <datalist id="all-tags">{tags.map(([name]) => <option key={name} value={name} />)}</datalist>
      {tags.length === 0 ? <p>{t('tagsManagerEmpty')}</p> : null}
      <ul class="tags-list" ref={list}>
        {tags.map(([name, n]) => (
          <li key={name} class="tags-list__item" data-tag={name}>
            {editing === name ? (
              <form
                class="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const next = to.trim();
                  if (next && next !== name) {
                    onRename(name, next);
                    finish(next);
                  } else finish(name);
                }}
              >
                <label class="sr-only" for="tag-rename">{fmt(t('tagRenameLabel'), { tag: name })}</label>
                <input
                  ref={field}
                  id="tag-rename"
                  class="input input--small"
                  list="all-tags"
                  value={to}
                  maxLength={64}
                  onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      e.stopPropagation();
                      finish(name);
                    }
                  }}
                />
                <button type="submit" class="btn btn--small">{tags.some(([x]) => same(x, to.trim()) && x !== name) ? t('tagMerge') : t('tagRename')}</button>
              </form>
            ) : (
              <>
                <span class="chip" dir="auto">#{name}</span>
                <span class="count">{n.toLocaleString(locale)}</span>
                <button type="button" class="btn btn--small btn--ghost" data-rename="" onClick={() => { setEditing(name); setTo(name); }}>
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
