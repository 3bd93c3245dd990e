import { stripBidiOverrides } from '../lib/util/bidi';
import type { Translate } from '../lib/util/i18n';
import { pluralKey } from '../lib/util/i18n';
import { fmt } from './format';

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
  /** the scope shown, or `whats-new` when the What's new view is */
  current: string;
  t: Translate;
  locale?: string;
  /** the What's new view and its unread count (issue 11); shown with the teams */
  whatsNew?: { href: string; unread: number };
  /** members of the current team who have a member page (the spotlight opt-outs left out) */
  members?: ReadonlyArray<{ name: string; href: string; current?: boolean }>;
}

/**
 * "My library" and each team's library side by side (issue 4): a team's library lists what its
 * members shared, with its own collections. With teams it also links to What's new (with the
 * unread count) and, in a team's library, to its members' pages (issue 11). Renders nothing when
 * the learner has no team.
 */
export function ScopeNav({ scopes, current, t, locale, whatsNew, members }: ScopeNavProps) {
  if (scopes.length < 2) return null;
  return (
    <nav class="scope-nav" aria-label={t('scopeNavLabel')} data-testid="scope-nav">
      <h2>{t('scopeNavLabel')}</h2>
      <ul>
        {whatsNew ? (
          <li>
            <a href={whatsNew.href} aria-current={current === 'whats-new' ? 'page' : undefined} class={current === 'whats-new' ? 'is-current' : undefined} data-testid="scope-nav-whats-new">
              {t('whatsNewTitle')}
              {whatsNew.unread > 0 ? <span class="scope-nav__count"> ({fmt(t(pluralKey('whatsNewUnread', whatsNew.unread, locale)), { count: whatsNew.unread }, locale)})</span> : null}
            </a>
          </li>
        ) : null}
        {scopes.map((s) => (
          <li key={s.scopeId}>
            <a href={s.href} aria-current={s.scopeId === current ? 'page' : undefined} class={`scope-nav__name${s.scopeId === current ? ' is-current' : ''}`} dir="auto" title={stripBidiOverrides(s.name)}>
              {stripBidiOverrides(s.name)}
            </a>
          </li>
        ))}
      </ul>
      {members && members.length > 0 ? (
        <>
          <h3 id="scope-nav-members">{t('scopeNavMembers')}</h3>
          <ul aria-labelledby="scope-nav-members" data-testid="scope-nav-members">
            {members.map((m) => (
              <li key={m.href}>
                <a href={m.href} dir="auto" aria-current={m.current ? 'page' : undefined} class={`scope-nav__name${m.current ? ' is-current' : ''}`} title={stripBidiOverrides(m.name)}>{stripBidiOverrides(m.name)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </nav>
  );
}
