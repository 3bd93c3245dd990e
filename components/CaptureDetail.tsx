import type { Ref } from 'preact';
import type { Intent } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { safeHttpUrl } from '../lib/util/url';
import { fmt } from './format';
import { SiteIcon } from './SiteIcon';
import { CollectionPicker } from './CollectionPicker';
import './cards/cards.css';
import { originalLink, sourceOf, type CaptureRight, type CaptureView, type CollectionView } from './capture-view';
import { flagWords, moreLinks, originalLabel } from './cards/flags';
import { Discussion } from './discussion/Discussion';
import { QuestionBlock } from './discussion/QuestionBlock';
import { indexMembers } from './discussion/members';
import type { DiscussionProps } from './discussion/types';
import { ConversationStarter, type ConversationStarterData } from './ConversationStarter';
import { EditFields } from './detail/EditFields';
import { PostBody, SafeLink, When } from './detail/post-parts';

/** Props of {@link CaptureDetail}. */
export interface CaptureDetailProps {
  capture: CaptureView;
  collections: readonly CollectionView[];
  knownTags: readonly string[];
  t: Translate;
  locale?: string;
  /** Current time, epoch ms, for the relative times (default `Date.now()`; tests pass a fixed one). */
  now?: number;
  onTags: (tags: string[]) => void;
  /** Sets the learning intent (null: none). */
  onIntent: (intent: Intent | null) => void;
  onCollections: (ids: string[]) => void;
  onNote: (note: string | null) => void;
  onReflection: (text: string | null) => void;
  onReviewed: (reviewed: boolean) => void;
  onArchived: (archived: boolean) => void;
  onDelete: () => void;
  /**
   * Notes another device's later edit replaced (docs/sync-protocol.md 3.7 NoteConflict): shown so nothing
   * written is lost, each with "Use this one".
   */
  replacedNotes?: readonly string[];
  /** In a team's library: who shared this capture (null: not known yet). */
  sharedBy?: string | null;
  /**
   * What the learner may change here (lib/db/team-rights.ts, the server's role table): `all`
   * (default), `file` (an editor on another member's capture: only add it to collections) or
   * `none` (a viewer). Controls the learner may not use are shown as plain text, with a line saying why.
   */
  right?: CaptureRight;
  /** "Share to a team…" (shown only when given: the learner is in a team they can share into). */
  onShare?: () => void;
  onClose: () => void;
  /** The heading, focused by the container when the detail opens. */
  headingRef?: Ref<HTMLHeadingElement>;
  /**
   * The discussion of a team capture (issue 11, docs/discussion.md): when given, a question to
   * discuss opens with its question (and pinned answer) under the header, and the thread, reactions
   * and composer end the detail.
   */
  discussion?: DiscussionProps | null;
  /** "Start a conversation" (issue 11, docs/discussion.md "Conversation starter"), shown when given. */
  starter?: ConversationStarterData | null;
}

/** Tags, collections, note and reflection as text: a team capture the learner may not change. */
function ReadOnlyFields({ c, collections, t, teamNote }: { c: CaptureView; collections: readonly CollectionView[]; t: Translate; teamNote: boolean }) {
  const names = collections.filter((col) => c.collectionIds.includes(col.id)).map((col) => col.name);
  return (
    <>
      {c.tags.length ? (
        <section class="detail__section" aria-label={t('tagsLabel')}>
          <h3>{t('tagsLabel')}</h3>
          <ul class="tags" data-testid="detail-tags-readonly">{c.tags.map((tag) => <li key={tag} class="tag">{tag}</li>)}</ul>
        </section>
      ) : null}
      {names.length ? (
        <section class="detail__section">
          <h3>{t('collectionsTitle')}</h3>
          <p>{names.join(', ')}</p>
        </section>
      ) : null}
      {c.note ? (
        <section class="detail__section">
          <h3>{t(teamNote ? 'detailTeamNote' : 'detailNote')}</h3>
          <p class="post-text" dir="auto" data-testid="detail-note-readonly">{c.note}</p>
        </section>
      ) : null}
    </>
  );
}

/**
 * A capture in full: the whole text as written (line breaks kept, `dir="auto"`), images (a neutral box
 * naming one that fails to load), the quoted post with its first image, link cards, thread parts,
 * poll, author, posted and saved times, completeness flags with a
 * link to the original, and the learner's tags, collections, note and review state. Captured text
 * is rendered as text only; links open only http(s) targets (others are shown inert).
 */
export function CaptureDetail(p: CaptureDetailProps) {
  const right = p.right ?? 'all';
  const { capture: c, t, locale } = p;
  const now = p.now ?? Date.now();
  const source = sourceOf(c);
  const flags = flagWords(c, t);
  const orig = originalLink(c);
  const origLabel = orig ? originalLabel(orig, c.platform, t) : t('popupOpenOriginal');
  const posted = c.postedAt ? Date.parse(c.postedAt) : null;
  return (
    <article class="detail" data-testid="capture-detail" data-capture-key={c.key} aria-labelledby={`detail-h-${c.id}`}>
      <div class="detail__head">
        <SiteIcon platform={c.platform} t={t} />
        <div class="detail__who">
          <h2 id={`detail-h-${c.id}`} ref={p.headingRef} tabIndex={-1} dir="auto">{source}</h2>
          {c.author?.handle ? <span class="muted detail__handle" dir="auto">@{c.author.handle}</span> : null}
          {c.author?.profileUrl && safeHttpUrl(c.author.profileUrl) ? (
            <SafeLink url={c.author.profileUrl} class="link small">{t('detailProfile')}</SafeLink>
          ) : null}
        </div>
        <button type="button" class="btn btn--ghost" onClick={p.onClose} aria-label={t('detailClose')} title={t('detailClose')}>×</button>
      </div>
      {p.sharedBy !== undefined ? (
        <p class="detail__shared muted" data-testid="detail-shared-by">{fmt(t('teamSharedBy'), { name: p.sharedBy ?? '…' }, locale)}</p>
      ) : null}
      {p.discussion?.isQuestion ? (
        <QuestionBlock question={p.discussion.question} answer={p.discussion.thread?.answer ?? null} names={indexMembers(p.discussion.members)} now={p.discussion.now} t={t} locale={locale} />
      ) : null}

      <dl class="detail__times">
        <dt>{t('detailPosted')}</dt>
        <dd>{posted !== null && !Number.isNaN(posted) ? <When ms={posted} now={now} locale={locale} /> : t('detailUnknown')}</dd>
        <dt>{t('detailSaved')}</dt>
        <dd><When ms={c.capturedAt} now={now} locale={locale} /></dd>
      </dl>

      {c.repostedBy ? <p class="muted" dir="auto">{t('detailRepostedBy')} {c.repostedBy.name}</p> : null}

      {flags.length > 0 ? (
        <div class="flags" role="note" data-testid="detail-flags">
          <ul>
            {flags.map((f) => <li key={f.flag} data-flag={f.flag}>{f.sentence}</li>)}
          </ul>
          {/* Under each kind of loss the way to what the original still holds: the rest of cut text, the missing media. */}
          {c.permalink ? moreLinks(flags).map((k) => <p key={k} class="flags__more"><SafeLink url={c.permalink} class="link">{t(k)}</SafeLink></p>) : null}
        </div>
      ) : null}

      {c.platform === 'web' && c.title && c.title !== source ? <p class="detail__title" dir="auto">{c.title}</p> : null}
      <p class="post-text" dir="auto" lang={c.lang ?? undefined} data-testid="detail-text">{c.text || t('popupNoText')}</p>

      <PostBody c={c} t={t} locale={locale} now={now} />

      <p>
        <SafeLink url={orig?.href} class="btn btn--link">{origLabel}</SafeLink>
      </p>
      {p.starter ? <ConversationStarter {...p.starter} t={t} locale={locale} /> : null}

      {right !== 'all' ? (
        <>
          <p class="notice" role="note" data-testid="detail-readonly">
            {right === 'file' ? fmt(t('detailReadOnlyFile'), { name: p.sharedBy || t('detailSomeone') }, locale) : t('detailReadOnlyNone')}
          </p>
          {right === 'file' ? (
            <section class="detail__section">
              <h3>{t('collectionsTitle')}</h3>
              <CollectionPicker collections={p.collections} value={c.collectionIds} onChange={p.onCollections} t={t} />
            </section>
          ) : null}
          {/* A question to discuss shows its note as the question at the top (QuestionBlock), not twice. */}
          <ReadOnlyFields c={p.discussion?.isQuestion ? { ...c, note: null } : c} collections={right === 'file' ? [] : p.collections} t={t} teamNote={p.sharedBy !== undefined} />
        </>
      ) : (
        <EditFields {...p} />
      )}
      {p.discussion ? <Discussion {...p.discussion} t={t} locale={locale} /> : null}
    </article>
  );
}
