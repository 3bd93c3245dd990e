import type { Translate } from '../lib/util/i18n';
import './whats-new.css';
import { pluralKey } from '../lib/util/i18n';
import { absoluteTime, friendlyTime } from '../lib/util/time';
import { REACTION_KINDS } from '../lib/schema';
import type { MemberActivityView, ReactionCountsView } from './team-views';
import { sourceOf } from './capture-view';
import { fmt } from './format';
import { fmtNodes } from './fmt-nodes';
import { Name } from './Bdi';

/** messages.json key of each reaction kind's label. */
const REACTION_KEY = { useful: 'reactionUseful', tried: 'reactionTried', thanks: 'reactionThanks' } as const;

/** Props of {@link MemberPage}. */
export interface MemberPageProps {
  activity: MemberActivityView;
  teamName: string;
  /** where a capture opens (library.html?scope=…&open=…) */
  captureHref: (captureId: string) => string;
  /** where "Back" goes */
  backHref: string;
  /** epoch ms to read the join time against (relative when recent); absolute date and time without it */
  now?: number;
  t: Translate;
  locale?: string;
}

/** "2 useful · 1 tried it" (kinds with none left out); '' when there are none. */
function ReactionLine({ counts, t, locale }: { counts: ReactionCountsView; t: Translate; locale?: string }) {
  const parts = REACTION_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k].toLocaleString(locale)} ${t(REACTION_KEY[k])}`);
  return parts.length ? <span class="member__reactions" data-testid="member-reactions">{parts.join(' · ')}</span> : null;
}

/**
 * A member's page in a team (docs/discussion.md "What's new and credit"): what they shared (with
 * the reactions and comments each got), their answers (comments pinned as the answer of a question)
 * and the reactions those got. A member who opted out of spotlights has no page: it says so and
 * lists nothing. Untrusted text (captures, comments, names) is rendered as text only.
 */
export function MemberPage({ activity: a, teamName, captureHref, backHref, now, t, locale }: MemberPageProps) {
  const back = <a href={backHref} class="btn btn--small" data-testid="member-back">{t('memberBack')}</a>;
  if (!a.member || !a.member.spotlight) {
    return (
      <section class="member" aria-labelledby="member-h" data-testid="member-page">
        <h2 id="member-h">{t('memberTitleHidden')}</h2>
        <p data-testid="member-hidden">{t(a.member ? 'memberNoSpotlight' : 'memberUnknown')}</p>
        {back}
      </section>
    );
  }
  const m = a.member;
  return (
    <section class="member" aria-labelledby="member-h" data-testid="member-page">
      <h2 id="member-h" dir="auto">{fmtNodes(t('memberTitle'), { name: <Name name={m.displayName} />, team: <Name name={teamName} /> })}</h2>
      <p class="muted">
        {fmt(t('memberJoined'), { date: now === undefined ? absoluteTime(m.joinedAt, locale) : friendlyTime(m.joinedAt, now, locale) }, locale)}
        {' · '}
        {fmt(t(pluralKey('memberSharedCount', a.shared.length, locale)), { count: a.shared.length }, locale)}
        {' · '}
        {fmt(t(pluralKey('memberAnswersCount', a.answers.length, locale)), { count: a.answers.length }, locale)}
      </p>
      <p data-testid="member-totals">
        {t('memberReactionsReceived')} <ReactionLine counts={a.totals} t={t} locale={locale} />
        {REACTION_KINDS.every((k) => a.totals[k] === 0) ? t('memberNoReactions') : null}
      </p>
      <section aria-labelledby="member-shared-h">
        <h3 id="member-shared-h">{t('memberShared')}</h3>
        {a.shared.length === 0 ? <p class="muted">{t('memberNothingShared')}</p> : (
          <ul class="member__list">
            {a.shared.map(({ capture: c, reactions, comments }) => (
              <li key={c.id} data-testid="member-shared-item">
                <a href={captureHref(c.id)} dir="auto">{sourceOf(c)}: {c.text.slice(0, 160) || t('popupNoText')}</a>
                {c.note ? <p class="member__note" dir="auto">{c.note}</p> : null}
                <p class="muted">
                  <ReactionLine counts={reactions} t={t} locale={locale} />
                  {comments > 0 ? <span> {fmt(t(pluralKey('discussionCount', comments, locale)), { count: comments }, locale)}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="member-answers-h">
        <h3 id="member-answers-h">{t('memberAnswers')}</h3>
        {a.answers.length === 0 ? <p class="muted">{t('memberNoAnswers')}</p> : (
          <ul class="member__list">
            {a.answers.map(({ capture: c, comment, reactions }) => (
              <li key={comment.id} data-testid="member-answer-item">
                <a href={captureHref(c.id)} dir="auto">{c.note || c.text.slice(0, 160) || t('popupNoText')}</a>
                <p class="member__answer" dir="auto">{comment.body}</p>
                <p class="muted"><ReactionLine counts={reactions} t={t} locale={locale} /></p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {back}
    </section>
  );
}
