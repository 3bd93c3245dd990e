/**
 * Fills `{name}` tokens in a UI string from `vars` (numbers are formatted for `locale`).
 * Messages that need values use `{name}` tokens rather than Chrome `$1` placeholders, so the same
 * string works through `browser.i18n.getMessage` (which leaves `{…}` alone) and the bundled
 * English fallback. Unknown tokens are left as written.
 */
export function fmt(template: string, vars: Record<string, string | number>, locale?: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? v.toLocaleString(locale) : v;
  });
}
