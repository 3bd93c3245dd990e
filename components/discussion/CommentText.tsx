import { useMemo } from 'preact/hooks';
import { stripBidiOverrides } from '../../lib/util/bidi';
import { segmentComment } from './comment-segments';

/** Props of {@link CommentText}. */
export interface CommentTextProps {
  /** the comment's plain text */
  body: string;
  /** members the comment mentions (their `@Display Name` is highlighted) */
  mentioned?: ReadonlyArray<{ userId: string; displayName: string }>;
  /** element id (for aria-describedby) */
  id?: string;
}

/**
 * A comment's text as text: line breaks kept (CSS `pre-line`), http(s) URLs as links that open
 * in a new tab without the opener (`rel="noopener noreferrer"`), `@mentions` of mentioned members
 * highlighted. Link text and mentions lose direction overrides and are isolated in <bdi>
 * (lib/util/bidi.ts): a link reads as its href does, whatever the body's controls. Built from text nodes only (components/discussion/comment-segments.ts); nothing in
 * the body is ever parsed as HTML, and `javascript:`/`data:` never become links.
 */
export function CommentText({ body, mentioned = [], id }: CommentTextProps) {
  const segments = useMemo(() => segmentComment(body, mentioned), [body, mentioned]);
  return (
    <p class="post-text comment__body" dir="auto" id={id}>
      {segments.map((s, i) =>
        s.kind === 'link' ? (
          <a key={i} class="link" href={s.href} target="_blank" rel="noopener noreferrer"><bdi>{stripBidiOverrides(s.text)}</bdi></a>
        ) : s.kind === 'mention' ? (
          <bdi key={i} class="mention" data-user-id={s.userId}>{stripBidiOverrides(s.text)}</bdi>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}
