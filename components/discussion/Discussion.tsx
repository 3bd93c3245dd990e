import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { pluralKey } from '../../lib/util/i18n';
import { fmt } from '../format';
import { CommentItem } from './CommentItem';
import { Composer } from './Composer';
import { ReactionBar } from './ReactionBar';
import { indexMembers } from './members';
import { canTakePart } from './rights';
import type { DiscussionProps } from './types';

/** Top-level comments read and shown at first, and added by each "Show older comments" (the newest are shown). */
export const DISCUSSION_PAGE = 10;

/** Props of {@link Discussion}. */
export type DiscussionSectionProps = DiscussionProps & { t: Translate; locale?: string };

/** The line in place of the composer for a viewer who may not write: signed out, or no longer in the team. */
function ReadOnlyNote({ viewer, t }: { viewer: DiscussionProps['viewer']; t: Translate }) {
  return viewer.notMember ? (
    <p class="notice" role="note" data-testid="discussion-not-member">{t('discussionNotMember')}</p>
  ) : (
    <p class="notice" role="note" data-testid="discussion-signed-out">{t('discussionSignIn')}</p>
  );
}

/**
 * The discussion of a team capture (issue 11, docs/discussion.md): the comment count, reactions on
 * the capture, the thread as the container read it (the newest {@link DISCUSSION_PAGE} top-level
 * comments; "Show older comments (n)" asks it for the next page through `onShowOlder`, so a long
 * thread paints at once), and the composer, or "Sign in to join the discussion" when signed out
 * ("You are no longer a member of this team" when removed). Writes go through the callbacks; their
 * outcome is announced in a polite live region. When a deleted comment takes the focus with it,
 * focus moves to the heading; when the last older page arrives (the button goes), to the list.
 */
export function Discussion(p: DiscussionSectionProps) {
  const { thread, t, locale } = p;
  const [said, setSaid] = useState('');
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef(false);
  const toList = useRef(false);
  const older = thread?.olderCount ?? 0;
  const names = useMemo(() => indexMembers(p.members), [p.members]);
  const others = useMemo(() => p.members.filter((m) => m.userId !== p.viewer.userId), [p.members, p.viewer.userId]);
  useEffect(() => {
    const a = document.activeElement;
    const lost = !a || a === document.body || !root.current?.contains(a);
    if (refocus.current && lost) {
      refocus.current = false;
      heading.current?.focus();
    }
    // "Show older comments" took the focus with it (the last page came): the list takes it.
    if (toList.current && older === 0) {
      toList.current = false;
      if (lost) list.current?.focus();
    }
  }, [thread, older]);

  const actions = {
    onAdd: async (body: string, mentions: string[], parentId: string | null) => {
      await p.onAdd(body, mentions, parentId);
      setSaid(t('discussionSent'));
    },
    onEdit: async (id: string, body: string, mentions: string[]) => {
      await p.onEdit(id, body, mentions);
      setSaid(t('discussionSaved'));
    },
    onDelete: async (id: string) => {
      await p.onDelete(id);
      refocus.current = true;
      setSaid(t('discussionDeleted'));
    },
    onReact: p.onReact,
    onMarkAnswered: p.onMarkAnswered,
  };
  const visible = thread?.comments ?? [];
  const count = thread?.count ?? 0;

  return (
    <section class="detail__section discussion" ref={root} aria-labelledby="discussion-h" data-testid="discussion">
      <div class="discussion__head">
        <h3 id="discussion-h" ref={heading} tabIndex={-1}>{t('discussionTitle')}</h3>
        <span class="muted small" data-testid="discussion-count">{fmt(t(pluralKey('discussionCount', count, locale)), { count }, locale)}</span>
      </div>
      {thread ? (
        <ReactionBar target={{ kind: 'capture', id: thread.captureId }} reactions={thread.reactions} names={names} canReact={canTakePart(p.viewer)} onReact={p.onReact} label={t('discussionReactionsCapture')} t={t} locale={locale} />
      ) : (
        <p class="muted" role="status">{t('popupLoading')}</p>
      )}
      {older && p.onShowOlder ? (
        <button
          type="button"
          class="btn btn--small discussion__older"
          data-testid="discussion-older"
          onClick={() => {
            toList.current = true;
            p.onShowOlder?.();
          }}
        >
          {fmt(t('discussionShowOlder'), { count: older }, locale)}
        </button>
      ) : null}
      {visible.length ? (
        <ol class="comments" ref={list} tabIndex={-1} aria-label={t('discussionTitle')} data-testid="comments">
          {visible.map((c) => (
            <CommentItem key={c.id} {...actions} comment={c} names={names} members={others} viewer={p.viewer} isQuestion={p.isQuestion} answerId={thread?.answer?.id ?? null} now={p.now} t={t} locale={locale} />
          ))}
        </ol>
      ) : thread ? (
        <p class="muted" data-testid="discussion-empty">{t('discussionEmpty')}</p>
      ) : null}
      {canTakePart(p.viewer) ? (
        <Composer id={`new-${thread?.captureId ?? 'c'}`} label={t('discussionNewLabel')} submitLabel={t('discussionSend')} members={others} onSubmit={(body, mentions) => actions.onAdd(body, mentions, null)} t={t} />
      ) : (
        <ReadOnlyNote viewer={p.viewer} t={t} />
      )}
      <p class="sr-only" role="status" aria-live="polite" data-testid="discussion-live">{said}</p>
    </section>
  );
}
