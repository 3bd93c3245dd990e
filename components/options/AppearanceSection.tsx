import type { Translate } from '../../lib/util/i18n';

/** Theme of the extension pages (same values as lib/db/settings.ts `ThemeChoice`). */
export type ThemeValue = 'system' | 'light' | 'dark';
/** Library list density (same values as lib/db/settings.ts `Density`). */
export type DensityValue = 'comfortable' | 'dense';

/** The device-local view settings the section shows. */
export interface AppearanceValues {
  theme: ThemeValue;
  density: DensityValue;
  /** `/` to search and `l` to open the library (WCAG 2.1.4: can be turned off) */
  singleKeyShortcuts: boolean;
}

/** Props of {@link AppearanceSection}. */
export interface AppearanceSectionProps {
  values: AppearanceValues;
  /** Called with the whole new value set on every change; the container saves it. */
  onChange: (next: AppearanceValues) => void;
  t: Translate;
}

const THEMES: ReadonlyArray<[ThemeValue, string]> = [['system', 'optThemeSystem'], ['light', 'optThemeLight'], ['dark', 'optThemeDark']];
const DENSITIES: ReadonlyArray<[DensityValue, string]> = [['comfortable', 'optDensityComfortable'], ['dense', 'optDensityDense']];

/**
 * "Appearance": theme (system / light / dark, a radio group), library density (comfortable / dense)
 * and the single-key shortcuts switch, each applied at once. Device-local; presentational.
 */
export function AppearanceSection({ values, onChange, t }: AppearanceSectionProps) {
  return (
    <section class="opt-card" aria-labelledby="appearance-title" data-testid="appearance">
      <h2 id="appearance-title">{t('optAppearanceTitle')}</h2>
      <p class="muted small">{t('optAppearanceIntro')}</p>
      <div class="opt-grid">
        <Choices legend={t('optThemeLegend')} name="theme" options={THEMES} value={values.theme} onPick={(theme) => onChange({ ...values, theme })} t={t} />
        <Choices legend={t('optDensityLegend')} name="density" options={DENSITIES} value={values.density} onPick={(density) => onChange({ ...values, density })} t={t} />
      </div>
      <label class="opt-choice">
        <input
          type="checkbox"
          checked={values.singleKeyShortcuts}
          aria-describedby="single-key-help"
          onChange={(e) => onChange({ ...values, singleKeyShortcuts: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>
          {t('optSingleKeyLabel')}
          <span id="single-key-help" class="opt-choice__help muted small">{t('optSingleKeyHelp')}</span>
        </span>
      </label>
    </section>
  );
}

/** One radio group: `options` are [value, messages key] pairs. */
function Choices<V extends string>({ legend, name, options, value, onPick, t }: { legend: string; name: string; options: ReadonlyArray<[V, string]>; value: V; onPick: (v: V) => void; t: Translate }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, key]) => (
        <label key={v} class="check">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onPick(v)} />
          {t(key)}
        </label>
      ))}
    </fieldset>
  );
}
