import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import type { CollectionView } from './capture-view';

/** Props of {@link CollectionsSidebar}. */
export interface CollectionsSidebarProps {
  collections: readonly CollectionView[];
  /** Captures in the library (the "All captures" entry). */
  total: number;
  /** Selected collection id; null = all captures. */
  current: string | null;
  onSelect: (id: string | null) => void;
  onCreate: (name: string) => void;
  onRename: (id: string, name: string) => void;
  /** Deletes the collection only; its captures stay in the library. */
  onDelete: (id: string) => void;
  t: Translate;
  locale?: string;
}

/**
 * The collections navigation: "All captures", the Inbox and the learner's collections with counts;
 * create a collection; rename or delete the selected one (its captures stay). Names are text.
 *
 * Focus (issue 12): Rename shows a field that takes focus; saving or Esc puts focus on the
 * collection itself; Delete puts it on "All captures".
 */
export function CollectionsSidebar(p: CollectionsSidebarProps) {
  const { t, locale } = p;
  const [draft, setDraft] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameDraft, setRenameDraft] = useState('');
  const cur = p.collections.find((c) => c.id === p.current) ?? null;
  const nav = useRef<HTMLElement>(null);
  const renameField = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (renaming) renameField.current?.focus();
  }, [renaming]);
  /** Focuses the entry of collection `id` (null: "All captures") after this render. */
  const focusItem = (id: string | null) =>
    setTimeout(() => nav.current?.querySelector<HTMLElement>(`[data-collection-id="${id ?? ''}"]`)?.focus(), 0);

  const create = (e: Event) => {
    e.preventDefault();
    const name = draft.trim();
    if (!name) return;
    p.onCreate(name);
    setDraft('');
  };
  const submitRename = (e: Event) => {
    e.preventDefault();
    const name = renameDraft.trim();
    if (renaming && name) p.onRename(renaming, name);
    if (renaming) focusItem(renaming);
    setRenaming(null);
  };

  const item = (id: string | null, name: string, count: number | null) => (
    <li key={id ?? 'all'}>
      <button
        type="button"
        class={`nav-item${p.current === id ? ' is-current' : ''}`}
        aria-current={p.current === id ? 'true' : undefined}
        data-testid="collection-item"
        data-collection={name}
        data-collection-id={id ?? ''}
        onClick={() => p.onSelect(id)}
      >
        <span class="nav-item__name" dir="auto">{name}</span>
        {count !== null ? <span class="count">{count.toLocaleString(locale)}</span> : null}
      </button>
    </li>
  );

  return (
    <nav ref={nav} class="collections" aria-label={t('collectionsTitle')} data-testid="collections">
      <h2>{t('collectionsTitle')}</h2>
      <ul class="nav-list">
        {item(null, t('collectionsAll'), p.total)}
        {p.collections.map((c) => item(c.id, c.name, c.count))}
      </ul>
      {cur && !cur.isInbox ? (
        renaming === cur.id ? (
          <form class="inline-form" onSubmit={submitRename}>
            <label class="sr-only" for="rename-collection">{t('collectionRenameLabel')}</label>
            <input
              ref={renameField}
              id="rename-collection"
              class="input"
              value={renameDraft}
              maxLength={200}
              onInput={(e) => setRenameDraft((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.preventDefault();
                e.stopPropagation();
                focusItem(cur.id);
                setRenaming(null);
              }}
            />
            <button type="submit" class="btn btn--small">{t('save')}</button>
          </form>
        ) : (
          <div class="inline-actions">
            <button type="button" class="btn btn--small" onClick={() => { setRenaming(cur.id); setRenameDraft(cur.name); }}>
              {fmt(t('collectionRename'), { name: cur.name })}
            </button>
            <button type="button" class="btn btn--small btn--danger" onClick={() => { p.onDelete(cur.id); focusItem(null); }}>
              {fmt(t('collectionDelete'), { name: cur.name })}
            </button>
          </div>
        )
      ) : null}
      <form class="inline-form" onSubmit={create}>
        <label class="sr-only" for="new-collection">{t('collectionNewLabel')}</label>
        <input id="new-collection" class="input" placeholder={t('collectionNewLabel')} value={draft} maxLength={200} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} data-testid="new-collection" />
        <button type="submit" class="btn btn--small">{t('collectionCreate')}</button>
      </form>
    </nav>
  );
}
