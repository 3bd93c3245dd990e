import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { CommentText } from './CommentText';
import { nameOf, type MemberIndex } from './members';
import { When } from './When';
import type { CommentView } from './types';

/** Props of {@link QuestionBlock}. */
export interface QuestionBlockProps {
  /** the sharer's note: the question (null: none written) */
  question: string | null;
  /** the pinned answer, or null (open question) */
  answer: CommentView | null;
  names: MemberIndex;
  now: number;
  t: Translate;
  locale?: string;
}

/**
 * The top of a capture shared as a "question to discuss": the sharer's note as the question, its
 * status ("Answered" / "Open question"), and under it the pinned answer with its author and time.
 * Text is rendered as text (components/discussion/CommentText.tsx).
 */
export function QuestionBlock({ question, answer, names, now, t, locale }: QuestionBlockProps) {
  return (
    <section class="question" aria-labelledby="question-h" data-testid="discussion-question">
      <div class="question__head">
        <h3 id="question-h">{t('discussionQuestion')}</h3>
        <span class={`chip ${answer ? 'chip--answered' : 'chip--open'}`} data-testid="question-status">{t(answer ? 'discussionAnswered' : 'discussionOpenQuestion')}</span>
      </div>
      {question ? <CommentText body={question} /> : <p class="muted">{t('discussionNoQuestionText')}</p>}
      {answer ? (
        <div class="question__answer" data-testid="question-answer">
          <h4>{t('discussionAnswerTitle')}</h4>
          <p class="muted small">
            {fmt(t('discussionAnsweredBy'), { name: nameOf(names, answer.authorUserId, t) }, locale)}{' '}
            <When ms={answer.createdAt} now={now} locale={locale} />
          </p>
          <CommentText body={answer.body} mentioned={answer.mentions.map((id) => ({ userId: id, displayName: names.get(id) ?? '' })).filter((m) => m.displayName)} />
        </div>
      ) : null}
    </section>
  );
}
