import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../SaveButton';
import { normaliseTag } from './tags';

/** Props of {@link TagsField}. */
export interface TagsFieldProps {
  tags: string[];
  /** Recently used tags; up to six not yet on the capture are offered as "+ tag" chips. */
  recentTags: string[];
  onTags: (tags: string[]) => void;
  t: Translate;
}

/**
 * The save panel's Tags group: the capture's tags with a remove button each, quick picks from the
 * recent tags, and a box that adds a tag on Enter, comma or blur ({@link normaliseTag}). Removing a
 * tag or picking one moves focus to the next button of its kind, else the tag box, so focus never
 * falls back to the page.
 */
export function TagsField({ tags, recentTags, onTags, t }: TagsFieldProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  const tagInput = useRef<HTMLInputElement>(null);
  const [tagDraft, setTagDraft] = useState('');
  // Where focus goes once the tag list re-renders after a removal or a quick pick: the button at
  // this index in `selector`, else the tag box.
  const refocus = useRef<{ selector: string; index: number } | null>(null);

  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = null;
    const next = group.current?.querySelectorAll<HTMLElement>(want.selector)[want.index];
    (next ?? tagInput.current)?.focus();
  }, [tags, recentTags]);

  const addTag = (raw: string) => {
    const tag = normaliseTag(raw);
    if (tag && !tags.includes(tag)) onTags([...tags, tag]);
    setTagDraft('');
  };
  const removeTag = (index: number) => {
    refocus.current = { selector: '.satchel-tag-x', index };
    onTags(tags.filter((_, n) => n !== index));
  };
  const quickTags = recentTags.filter((x) => !tags.includes(x)).slice(0, 6);
  const pickQuick = (tag: string, index: number) => {
    refocus.current = { selector: '.satchel-chip.is-quick', index };
    onTags([...tags, tag]);
  };

  return (
    <fieldset ref={group} class="satchel-group">
      <legend>{t('savePanelTags')}</legend>
      <div class="satchel-chips">
        {tags.map((tag, n) => (
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
  );
}
