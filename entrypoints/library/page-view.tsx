import type { JSX } from 'preact';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { WhatsNewView, MemberView, type LibraryPage } from './team-pages';
import { DigestPage, isDigestView } from './digest-page';

/** What {@link pageView} reads. */
export interface PageViewOptions {
  db: SatchelDb;
  /** The page the URL asks for (./team-pages.tsx `libraryPage`). */
  page: LibraryPage;
  /** The library's scope (`local` or `team:<id>`) and whether it is a team's. */
  scope: string;
  inTeam: boolean;
  /** `location.search` (`view=digest` asks for the team digest). */
  search: string;
  t: Translate;
  locale?: string;
}

/**
 * The page the library's main area shows instead of the captures, by URL (issue 11): What's new,
 * a member's page, or (in a team's library) the team digest; null for the list or Review.
 */
export function pageView({ db, page, scope, inTeam, search, t, locale }: PageViewOptions): JSX.Element | null {
  if (page?.kind === 'whats-new') return <WhatsNewView db={db} t={t} locale={locale} />;
  if (page?.kind === 'member') return <MemberView db={db} t={t} locale={locale} scopeId={scope} userId={page.userId} />;
  if (isDigestView(search) && inTeam) return <DigestPage db={db} t={t} locale={locale} scopeId={scope} />;
  return null;
}
