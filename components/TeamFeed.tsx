import type { Capture } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { safeHttpUrl } from '../lib/util/url';
import { SiteIcon } from './SiteIcon';
import { fmtNodes } from './fmt-nodes';
import { Name } from './Bdi';
import type { CreditView } from './team-views';

/** One capture shared in a team, with the team's name and who shared it. */
export interface TeamFeedItem {
  capture: Capture;
  teamName: string;
  /** null until the member names are fetched (or when the sharer opted out of spotlights) */
  sharedBy: string | null;
  /** `hidden`: the sharer opted out of spotlights ("A team member shared …"); default from `sharedBy` */
  credit?: CreditView;
  /** the sharer's member page (library.html?scope=…&member=…); their name links there when set */
  memberHref?: string | null;
}

/** Props of {@link TeamFeed}. */
export interface TeamFeedProps {
  items: readonly TeamFeedItem[];
  t: Translate;
  locale?: string;
}

/**
 * "From your teams": the newest captures colleagues shared, each with who shared it (a link to
 * their member page; "A team member" when they opted out of spotlights), in which team, and their
 * "why this is worth reading" note. Text only (captured text is untrusted); the
 * link opens only http(s) permalinks.
 */
export function TeamFeed({ items, t }: TeamFeedProps) {
  if (items.length === 0) return null;
  return (
    <section class="team-feed" aria-labelledby="team-feed-h" data-testid="team-feed">
      <h2 id="team-feed-h">{t('teamFeedTitle')}</h2>
      <ul>
        {items.map(({ capture: c, teamName, sharedBy, credit, memberHref }) => {
          const href = safeHttpUrl(c.permalink);
          const start = c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text;
          return (
            <li key={c.id} data-testid="team-item" data-capture-id={c.id}>
              <p class="team-feed__who">
                <SiteIcon platform={c.platform} t={t} />{' '}
                {sharedBy ? (
                  fmtNodes(t('teamFeedSharedBy'), { name: memberHref ? <a href={memberHref} target="_blank" rel="noopener" data-testid="team-item-sharer"><Name name={sharedBy} /></a> : <Name name={sharedBy} />, team: <Name name={teamName} /> })
                ) : (
                  fmtNodes(t(credit?.kind === 'hidden' ? 'teamFeedSharedByHidden' : 'teamFeedSharedIn'), { team: <Name name={teamName} /> })
                )}
              </p>
              {c.note ? <p class="team-feed__why" dir="auto">{c.note}</p> : null}
              <p class="team-feed__text" dir="auto">
                {c.author?.name ? <strong><Name name={c.author.name} />: </strong> : null}
                {start}
              </p>
              {href ? <a href={href} target="_blank" rel="noopener noreferrer">{t('teamFeedOpen')}</a> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
