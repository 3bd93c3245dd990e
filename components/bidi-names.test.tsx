/**
 * Red team findings 5 and 6 (docs/discussion.md "Names and direction"): a name or link with direction
 * overrides ("Cy \u202Eexe.gnp") is shown stripped and isolated in <bdi> in every sentence that holds it.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup, screen } from '@testing-library/preact';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import { WhatsNew, type WhatsNewEntry } from './WhatsNew';
import { DigestView, type DigestViewProps } from './DigestView';
import { MemberPage } from './MemberPage';
import { TeamFeed } from './TeamFeed';
import { ScopeNav } from './ScopeNav';
import { CommentText } from './discussion/CommentText';
import { ReactionBar } from './discussion/ReactionBar';
import { indexMembers } from './discussion/members';
import { reactions } from './discussion/testing';
import { makeCapture } from '../lib/db/testing';
import { buildDigest } from '../lib/digest/build';
import { digestViewModel } from '../lib/digest/view-model';
import { makeCaptureRow, makeCommentRow, makeInput, makeMember } from '../lib/digest/testing';
import { englishWords } from '../tests/helpers/digest-words';

const t = makeTranslate(null, en);
afterEach(cleanup);
const NOW = Date.UTC(2026, 11, 7, 9);
const SPOOF = 'Cy \u202Eexe.gnp';
const SHOWN = 'Cy exe.gnp';
const TEAM = '\u2067Guild\u202E 7';
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/** The text of every <bdi> under `el`. */
const bdis = (el: Element): string[] => [...el.querySelectorAll('bdi')].map((b) => b.textContent ?? '');

describe('names with direction overrides', () => {
  it('WhatsNew: the actor and the team are stripped and isolated, in the line and in the mute list', () => {
    const entry: WhatsNewEntry = {
      item: { id: 'reply:1', kind: 'reply', scopeId: 'team:a', captureId: 'c1', commentId: 'm1', actorUserId: 'u-cy', at: NOW - 60_000, unread: true, muted: false },
      actorName: SPOOF, memberHref: '/library.html?scope=team%3Aa&member=u-cy', teamName: TEAM, captureText: 'capture', commentText: 'hi', href: '/library.html?open=c1',
    };
    const { container } = render(<WhatsNew entries={[entry, { ...entry, item: { ...entry.item, id: 'reply:2' }, memberHref: null }]} teams={[{ scopeId: 'team:a', name: TEAM, muted: false }]} unread={2} mutedUnread={0} now={NOW} t={t} onOpen={() => {}} onMarkAllRead={() => {}} onMute={() => {}} />);
    const [linked, plain] = screen.getAllByTestId('whats-new-item');
    expect(linked!.querySelector('.whats-new__line')!.textContent).toContain(`${SHOWN} replied to you in Guild 7`);
    expect(bdis(linked!)).toEqual([SHOWN, 'Guild 7']);
    expect(screen.getAllByTestId('whats-new-actor')[0]!.firstElementChild!.tagName).toBe('BDI');
    expect(bdis(plain!)).toEqual([SHOWN, 'Guild 7']);
    expect(screen.getByLabelText('Mute Guild 7')).toBeTruthy();
    expect(container.textContent).not.toMatch(CONTROLS);
  });

  it('DigestView: "Shared by", "Answered by", "Curated by" and the contributor list isolate each name', () => {
    const q = makeCaptureRow({ intent: 'question', ownerUserId: 'u-cy', postAuthor: SPOOF });
    const reply = makeCommentRow(q.id, { authorUserId: 'u-ana' });
    q.answerCommentId = reply.id;
    const d = buildDigest(makeInput({ team: { id: 't', name: TEAM }, members: [makeMember({ displayName: `Ana ${SPOOF}` }), makeMember({ userId: 'u-cy', displayName: SPOOF })], captures: [q], comments: [reply] }));
    const props: DigestViewProps = {
      period: { kind: 'this-week', firstDay: '2026-11-30', lastDay: '2026-12-06' }, onPeriod: () => {}, status: 'ready', error: null, badRange: false,
      data: digestViewModel(d, englishWords()), fromDevice: false, posts: [], onCopy: async () => true, onDownload: () => {}, backHref: '', t, locale: 'en-US',
    };
    const { container } = render(<DigestView {...props} />);
    expect(container.textContent).not.toMatch(CONTROLS);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Guild 7 digest');
    const item = screen.getByTestId('digest-item');
    expect(item.textContent).toContain(`Shared by ${SHOWN}`);
    expect(item.textContent).toContain(`Answered by Ana ${SHOWN}`);
    expect(bdis(item)).toEqual([SHOWN, SHOWN, `Ana ${SHOWN}`]); // post author, sharer, answerer
    const curated = screen.getByTestId('digest-curated');
    expect(curated.querySelector('p')!.textContent).toBe(`Curated by Ana ${SHOWN} and ${SHOWN}.`);
    expect(bdis(curated)).toEqual([`Ana ${SHOWN}`, SHOWN, `Ana ${SHOWN}`, SHOWN]);
  });

  it('CommentText: a link reads as its href does (override stripped, isolated); a mention is stripped and isolated; other text kept', () => {
    const body = `see https://example.com/\u202Efdp.exe and @${SPOOF} \u202Bok`;
    const { container } = render(<CommentText body={body} mentioned={[{ userId: 'u-cy', displayName: SPOOF }]} />);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('https://example.com/%E2%80%AEfdp.exe');
    expect(link.textContent).toBe('https://example.com/fdp.exe');
    expect(link.firstElementChild!.tagName).toBe('BDI');
    const mention = container.querySelector('.mention')!;
    expect(mention.tagName).toBe('BDI');
    expect(mention.textContent).toBe(`@${SHOWN}`);
    expect(container.textContent!.endsWith(' \u202Bok')).toBe(true); // the body's own text is kept
  });

  it('MemberPage, TeamFeed, ReactionBar and the sidebar: stripped names, isolated in sentences, full name as the title', () => {
    const member = { userId: 'u-cy', displayName: SPOOF, role: 'editor' as const, joinedAt: NOW - 86_400_000, spotlight: true };
    const page = render(<MemberPage activity={{ member, shared: [], answers: [], totals: { useful: 0, tried: 0, thanks: 0 } }} teamName={TEAM} captureHref={() => ''} backHref="" t={t} />);
    const h = screen.getByRole('heading', { level: 2 });
    expect(h.textContent).toBe(`${SHOWN} in Guild 7`);
    expect(bdis(h)).toEqual([SHOWN, 'Guild 7']);
    page.unmount();

    const capture = makeCapture({ scopeId: 'team:a', author: { name: SPOOF, handle: null, profileUrl: null, avatarUrl: null } });
    const feed = render(<TeamFeed items={[{ capture, teamName: TEAM, sharedBy: SPOOF, memberHref: '/m' }]} t={t} />);
    const who = feed.container.querySelector('.team-feed__who')!;
    expect(bdis(who)).toEqual([SHOWN, 'Guild 7']);
    expect(bdis(feed.container.querySelector('.team-feed__text')!)).toEqual([SHOWN]);
    expect(feed.container.textContent).not.toMatch(CONTROLS);
    feed.unmount();

    const bar = render(<ReactionBar target={{ kind: 'comment', id: 'c1' }} reactions={reactions({ thanks: ['u-cy', 'u-ana'] })} names={indexMembers([{ userId: 'u-cy', displayName: SPOOF }, { userId: 'u-ana', displayName: 'Ana' }])} canReact onReact={async () => {}} label="Reactions" t={t} />);
    const tip = bar.container.querySelector('[data-reaction="thanks"] + [role="tooltip"]')!;
    expect(bdis(tip)).toEqual([SHOWN, 'Ana']);
    expect(tip.textContent).not.toMatch(CONTROLS);
    bar.unmount();

    const nav = render(<ScopeNav scopes={[{ scopeId: 'personal:local', name: 'My library', href: 'library.html' }, { scopeId: 'team:a', name: TEAM, href: 'x' }]} current="team:a" members={[{ name: SPOOF, href: '/m' }]} t={t} />);
    const a = screen.getByRole('link', { name: SHOWN });
    expect(a.getAttribute('title')).toBe(SHOWN);
    expect(a.classList.contains('scope-nav__name')).toBe(true);
    expect(nav.container.textContent).not.toMatch(CONTROLS);
  });
});
