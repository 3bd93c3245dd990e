import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { tagKey } from '../lib/schema/tag';
import { fmt } from './format';

/** Props of {@link TagEditor}. */
export interface TagEditorProps {
  /** The capture's tags, display spelling. */
  tags: readonly string[];
  /** The learner's tags (display spelling), most used first: the autocomplete source. */
  known: readonly string[];
  /** Called with the new tag list; the data layer normalises (identity is case-insensitive NFC). */
  onChange: (tags: string[]) => void;
  t: Translate;
  /** Unique id prefix (several editors on one page). */
  idPrefix: string;
  /** Most suggestions shown. Default 8. */
  maxSuggestions?: number;
}

/** Identity of a tag for comparing spellings (lib/schema `tagKey`; '' for an empty tag). */
const tagIdentity = (s: string): string => tagKey(s) ?? '';

/**
 * Tags of a capture as removable chips plus an input with autocomplete from the learner's tags
 * (ARIA 1.2 combobox: ↓/↑ move through suggestions, Enter or Tab-free click adds, Esc closes the
 * suggestions). Enter or comma adds the typed text. A tag already present (any spelling) is not
 * added twice. Removing a tag puts focus on the next tag's remove button (the previous one's for
 * the last tag), or on the input when none is left (issue 12: focus never falls to the page).
 */
export function TagEditor({ tags, known, onChange, t, idPrefix, maxSuggestions = 8 }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const have = new Set(tags.map(tagIdentity));
  const q = tagIdentity(draft);
  const suggestions = q
    ? known.filter((k) => !have.has(tagIdentity(k)) && tagIdentity(k).includes(q)).sort((a, b) => Number(!tagIdentity(a).startsWith(q)) - Number(!tagIdentity(b).startsWith(q))).slice(0, maxSuggestions)
    : [];
  const listId = `${idPrefix}-tag-suggestions`;
  const chips = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // After a removal: the index whose remove button takes focus once the new tags are rendered.
  const focusAt = useRef<number | null>(null);
  const tagList = tags.join('\n');
  useLayoutEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    const buttons = [...(chips.current?.querySelectorAll<HTMLElement>('.chip__x') ?? [])];
    focusAt.current = null;
    (buttons[Math.min(at, buttons.length - 1)] ?? input.current)?.focus();
  }, [tagList]);
  const remove = (tag: string, index: number) => {
    focusAt.current = index;
    // Until the new tags arrive, focus rests on the input rather than on a removed button.
    input.current?.focus();
    onChange(tags.filter((x) => x !== tag));
  };
  const showList = open && suggestions.length > 0;

  const add = (raw: string) => {
    const v = raw.trim().replace(/^#+/, '').trim();
    setDraft('');
    setActive(-1);
    setOpen(false);
    if (!v || have.has(tagIdentity(v))) return;
    onChange([...tags, v]);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
    } else if (e.key === 'Enter' || e.key === ',') {
      if (!draft.trim()) return;
      e.preventDefault();
      add(showList && active >= 0 ? suggestions[active]! : draft);
    } else if (e.key === 'Escape' && showList) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div class="tag-editor">
      <ul class="chips" aria-label={t('tagsLabel')} ref={chips}>
        {tags.map((tag, i) => (
          <li key={tag} class="chip chip--tag">
            <span dir="auto">{tag}</span>
            <button type="button" class="chip__x" aria-label={fmt(t('tagRemove'), { tag })} onClick={() => remove(tag, i)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="combo">
        <input
          ref={input}
          type="text"
          class="input"
          role="combobox"
          aria-label={t('tagAddLabel')}
          placeholder={t('tagAddPlaceholder')}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          value={draft}
          maxLength={64}
          data-testid="tag-input"
          onInput={(e) => {
            setDraft((e.currentTarget as HTMLInputElement).value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" class="combo__list" aria-label={t('tagSuggestions')} hidden={!showList}>
          {suggestions.map((s, i) => (
            <li
              key={s}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'is-active' : ''}
              dir="auto"
              onMouseDown={(e) => {
                e.preventDefault();
                add(s);
              }}
            >
              {s}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
