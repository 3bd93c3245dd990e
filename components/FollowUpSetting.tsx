import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';

/** Props of {@link FollowUpSetting}. */
export interface FollowUpSettingProps {
  /** Current delay in whole days (null while loading). */
  days: number | null;
  /** Called with a whole number of days, 0–365. */
  onChange: (days: number) => void;
  t: Translate;
}

/** The "ask about a tip after N days" setting (0 asks at once; used for tips marked from now on). */
export function FollowUpSetting({ days, onChange, t }: FollowUpSettingProps) {
  const [draft, setDraft] = useState(days === null ? '' : String(days));
  useEffect(() => setDraft(days === null ? '' : String(days)), [days]);
  const commit = () => {
    const n = Number(draft);
    if (draft.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 365 && n !== days) onChange(n);
    else setDraft(days === null ? '' : String(days));
  };
  return (
    <label class="field setting">
      <span class="field__label">{t('followUpDelayLabel')}</span>
      <span class="setting__row">
        <input
          type="number"
          class="input input--small"
          min={0}
          max={365}
          step={1}
          value={draft}
          data-testid="followup-delay"
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <span>{t('followUpDelayUnit')}</span>
      </span>
    </label>
  );
}
