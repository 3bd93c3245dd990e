import type { ComponentChildren } from 'preact';

/**
 * Like components/format.ts `fmt`, but a token may be filled with an element (a link on a name):
 * `{name}` tokens of `template` become `vars[name]`, strings stay text (never parsed as HTML).
 * Unknown tokens are left as written.
 */
export function fmtNodes(template: string, vars: Record<string, ComponentChildren>): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (!(m[1]! in vars)) continue;
    out.push(template.slice(last, m.index));
    out.push(vars[m[1]!]);
    last = m.index! + m[0].length;
  }
  out.push(template.slice(last));
  return out.filter((x) => x !== '');
}
