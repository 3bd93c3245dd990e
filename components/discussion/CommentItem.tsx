import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { InlineConfirm } from '../options/InlineConfirm';
import { Composer } from './Composer';
import { CommentText } from './CommentText';
import { ReactionBar } from './ReactionBar';
import { When } from './When';
import { nameOf, type MemberIndex } from './members';
import { commentRights } from './rights';
import type { CommentView, DiscussionActions, DiscussionViewer, MemberView } from './types';

/** Props of {@link CommentItem}. */
export interface CommentItemProps extends DiscussionActions {
  comment: CommentView;
  names: MemberIndex;
  members: readonly MemberView[];
  viewer: DiscussionViewer;
  isQuestion: boolean;
  /** id of the pinned answer (null: none) */
  answerId: string | null;
  now: number;
  t: Translate;
  locale?: string;
}

/** Runs `work`, returning its failure as words (for InlineConfirm and inline errors). */
async function attempt(work: () => Promise<unknown>): Promise<{ ok: true; value: undefined } | { ok: false; error: string }> {
  try {
    await work();
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * One comment (and, for a top-level comment, its replies): author name ("A former member" when
 * unknown), relative time (absolute on hover, components/discussion/When.tsx), "edited" and "Not sent yet" marks, the text
 * (components/discussion/CommentText.tsx), reactions, and the actions the viewer has the right to
 * (components/discussion/rights.ts): Reply, Edit (own), Delete (own, or any for the team's owner,
 * asked in place), Mark answered (a question's sharer or the owner). A deleted comment with replies
 * shows as a stub. Focus returns to the button that opened a reply or an edit when it closes.
 */
export function CommentItem(p: CommentItemProps) {
  const { comment: c, t, locale } = p;
  const [mode, setMode] = useState<'read' | 'edit' | 'reply'>('read');
  const [error, setError] = useState<string | null>(null);
  const editBtn = useRef<HTMLButtonElement>(null);
  const replyBtn = useRef<HTMLButtonElement>(null);
  // The button to focus once the edit or reply box has closed (the Edit button is not rendered while editing).
  const back = useRef<'edit' | 'reply' | null>(null);
  useEffect(() => {
    if (mode === 'read' && back.current) {
      (back.current === 'edit' ? editBtn : replyBtn).current?.focus();
      back.current = null;
    }
  }, [mode]);
  const close = (from: 'edit' | 'reply') => {
    back.current = from;
    setMode('read');
  };
  const rights = commentRights(p.viewer, c, p.isQuestion);
  const author = nameOf(p.names, c.authorUserId, t);
  const mentioned = useMemo(() => c.mentions.map((id) => ({ userId: id, displayName: p.names.get(id) ?? '' })).filter((m) => m.displayName), [c.mentions, p.names]);
  const headId = `comment-h-${c.id}`;
  const isAnswer = p.answerId === c.id;
  const replies = c.replies.length ? (
    <ol class="comment__replies" aria-label={fmt(t('discussionRepliesTo'), { name: author }, locale)}>
      {c.replies.map((r) => <CommentItem key={r.id} {...p} comment={r} />)}
    </ol>
  ) : null;

  if (c.deleted) {
    return (
      <li class="comment comment--deleted" data-testid="comment" data-comment-id={c.id}>
        <p class="muted">{t('discussionDeletedStub')}</p>
        {replies}
      </li>
    );
  }
  return (
    <li class={`comment${isAnswer ? ' comment--answer' : ''}`} id={`comment-${c.id}`} data-testid="comment" data-comment-id={c.id}>
      <article aria-labelledby={headId}>
        <header class="comment__head">
          <strong id={headId} class="comment__author"><bdi>{author}</bdi></strong>
          <When class="muted small" ms={c.createdAt} now={p.now} locale={locale} />
          {c.editedAt !== null ? <When class="muted small" ms={c.editedAt} now={p.now} locale={locale}>{t('discussionEdited')}</When> : null}
          {isAnswer ? <span class="chip chip--answer">{t('discussionAnswerMark')}</span> : null}
          {c.pending ? <span class="comment__pending small" data-testid="comment-pending">{t('discussionPending')}</span> : null}
        </header>
        {mode === 'edit' ? (
          <Composer
            id={`edit-${c.id}`}
            label={t('discussionEditLabel')}
            submitLabel={t('discussionSave')}
            members={p.members}
            initialText={c.body}
            initialMentions={mentioned}
            autoFocus
            onSubmit={async (body, mentions) => {
              await p.onEdit(c.id, body, mentions);
              close('edit');
            }}
            onCancel={() => close('edit')}
            t={t}
          />
        ) : (
          <CommentText body={c.body} mentioned={mentioned} />
        )}
        <ReactionBar target={{ kind: 'comment', id: c.id }} reactions={c.reactions} names={p.names} canReact={p.viewer.userId !== null} onReact={p.onReact} label={fmt(t('discussionReactionsTo'), { name: author }, locale)} t={t} locale={locale} />
        {mode !== 'edit' && (rights.reply || rights.edit || rights.delete || rights.markAnswered) ? (
          <div class="comment__actions">
            {rights.reply ? <button ref={replyBtn} type="button" class="btn btn--small btn--ghost" aria-expanded={mode === 'reply'} onClick={() => (mode === 'reply' ? close('reply') : setMode('reply'))}>{t('discussionReply')}</button> : null}
            {rights.edit ? <button ref={editBtn} type="button" class="btn btn--small btn--ghost" onClick={() => setMode('edit')}>{t('discussionEdit')}</button> : null}
            {rights.markAnswered ? (
              <button type="button" class="btn btn--small btn--ghost" onClick={() => void attempt(() => p.onMarkAnswered(isAnswer ? null : c.id)).then((r) => setError(r.ok ? null : r.error))}>
                {t(isAnswer ? 'discussionUnmarkAnswered' : 'discussionMarkAnswered')}
              </button>
            ) : null}
            {rights.delete ? <InlineConfirm id={`del-${c.id}`} label={t('discussionDelete')} question={t('discussionDeleteQuestion')} onConfirm={() => attempt(() => p.onDelete(c.id))} t={t} /> : null}
          </div>
        ) : null}
        {error ? <p class="error small" role="alert">{error}</p> : null}
      </article>
      {replies}
      {mode === 'reply' ? (
        <Composer
          id={`reply-${c.id}`}
          label={fmt(t('discussionReplyLabel'), { name: author }, locale)}
          submitLabel={t('discussionSend')}
          members={p.members}
          autoFocus
          onSubmit={async (body, mentions) => {
            await p.onAdd(body, mentions, c.id);
            close('reply');
          }}
          onCancel={() => close('reply')}
          t={t}
        />
      ) : null}
    </li>
  );
}
