import type { Translate } from '../lib/util/i18n';

/** A library the learner can open: their own, or a team's. */
export interface ScopeLink {
  /** `personal:local` or `team:<id>` */
  scopeId: string;
  name: string;
  href: string;
}

/** Props of {@link ScopeNav}. */
export interface ScopeNavProps {
  /** "My library" first, then the teams. */
  scopes: readonly ScopeLink[];
  current: string;
  t: Translate;
}

/**
 * "My library" and each team's library side by side (issue 4): a team's library lists what its
 * members shared, with its own collections. Renders nothing when the learner has no team.
 */
export function ScopeNav({ scopes, current, t }: ScopeNavProps) {
  if (scopes.length < 2) return null;
  return (
    <nav class="scope-nav" aria-label={t('scopeNavLabel')} data-testid="scope-nav">
      <h2>{t('scopeNavLabel')}</h2>
      <ul>
        {scopes.map((s) => (
          <li key={s.scopeId}>
            <a href={s.href} aria-current={s.scopeId === current ? 'page' : undefined} class={s.scopeId === current ? 'is-current' : undefined}>
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
