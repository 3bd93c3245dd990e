import type { Intent } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';

/** The learning intents in the order every picker shows them, with the messages.json key of each label. */
export const INTENTS: readonly { value: Intent; key: string }[] = [
  { value: 'tip', key: 'intentTip' },
  { value: 'job-aid', key: 'intentJobAid' },
  { value: 'question', key: 'intentQuestion' },
  { value: 'share', key: 'intentShare' },
];

/** Props of {@link IntentChips}. */
export interface IntentChipsProps {
  /** The chosen intent, or null for none. */
  value: Intent | null;
  /** Called with the pressed intent, or null when the chosen one is pressed again (toggles it off). */
  onChange: (intent: Intent | null) => void;
  t: Translate;
  /** Class of the row holding the buttons. */
  class: string;
  /** Class of each button. */
  chipClass: string;
  /** Marks the first button with `data-autofocus` (the save panel focuses it when opened by keyboard). */
  markFirst?: boolean;
}

/**
 * The learning-intent picker of the save panel and the popup's "Just saved" edit: one toggle button
 * (`aria-pressed`) per intent; pressing the chosen one again clears it. The caller wraps it in its
 * own labelled group (a fieldset with a legend).
 */
export function IntentChips({ value, onChange, t, class: cls, chipClass, markFirst }: IntentChipsProps) {
  return (
    <div class={cls}>
      {INTENTS.map((i, n) => (
        <button
          type="button"
          class={chipClass}
          aria-pressed={value === i.value}
          data-autofocus={markFirst && n === 0 ? '' : undefined}
          onClick={() => onChange(value === i.value ? null : i.value)}
        >
          {t(i.key)}
        </button>
      ))}
    </div>
  );
}
