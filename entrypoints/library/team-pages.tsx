/**
 * The library's team pages (issue 11, docs/discussion.md "What's new and credit"), reached by URL:
 * `library.html?view=whats-new` (What's new) and `library.html?scope=team:<id>&member=<userId>`
 * (a member's page); `&open=<captureId>` opens a capture in the list. Containers: they read the
 * database live and hand plain data to components/WhatsNew.tsx and components/MemberPage.tsx.
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { markAllRead, markCaptureRead, markRead, setTeamMuted, unreadCount } from '../../lib/db/whats-new';
import { memberActivity, readMembers, type Credit, type MemberActivity } from '../../lib/db/members';
import { listTeamScopes } from '../../lib/db/share';
import { WhatsNew } from '../../components/WhatsNew';
import { MemberPage } from '../../components/MemberPage';
import { captureHref, loadTeamCredits, loadWhatsNew, memberHref, LIBRARY_PAGE, WHATS_NEW_HREF, type WhatsNewData } from './whats-new-data';

/** Which page the library URL asks for (null: the capture list). */
export type LibraryPage = { kind: 'whats-new' } | { kind: 'member'; userId: string } | null;

/** Reads the page from a `location.search` string. Pure. */
export function libraryPage(search: string): LibraryPage {
  const q = new URLSearchParams(search);
  if (q.get('view') === 'whats-new') return { kind: 'whats-new' };
  const member = q.get('member');
  return member ? { kind: 'member', userId: member } : null;
}

/** The capture to open from `?open=<id>` (a UUID), or null. Pure. */
export function openParam(search: string): string | null {
  const id = new URLSearchParams(search).get('open');
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

/** Props of the page containers. */
interface PageProps {
  db: SatchelDb;
  t: Translate;
  locale?: string;
}

/** What's new, live: the items, Mark all read, per-team mute. */
export function WhatsNewView({ db, t, locale }: PageProps) {
  const [data, setData] = useState<WhatsNewData | null>(null);
  useEffect(() => {
    const sub = liveQuery(() => loadWhatsNew(db)).subscribe({ next: setData, error: (e: unknown) => console.error('[satchel] whats new', e) });
    return () => sub.unsubscribe();
  }, [db]);
  const fail = (e: unknown) => console.error('[satchel] whats new write failed', e);
  if (!data) return <p class="status" role="status">{t('popupLoading')}</p>;
  return (
    <WhatsNew
      {...data}
      now={Date.now()}
      t={t}
      locale={locale}
      onOpen={(e) => void markRead(db, [e.item.id]).catch(fail)}
      onMarkAllRead={() => void markAllRead(db, Date.now()).catch(fail)}
      onMute={(scopeId, muted) => void setTeamMuted(db, scopeId, muted).catch(fail)}
    />
  );
}

/** A member's page in team `scopeId`, live. */
export function MemberView({ db, t, locale, scopeId, userId }: PageProps & { scopeId: string; userId: string }) {
  const [data, setData] = useState<{ activity: MemberActivity; teamName: string } | null>(null);
  useEffect(() => {
    const sub = liveQuery(async () => {
      const [activity, teams] = await Promise.all([memberActivity(db, scopeId, userId), listTeamScopes(db)]);
      return { activity, teamName: teams.find((x) => x.id === scopeId)?.name ?? scopeId };
    }).subscribe({ next: setData, error: (e: unknown) => console.error('[satchel] member page', e) });
    return () => sub.unsubscribe();
  }, [db, scopeId, userId]);
  if (!data) return <p class="status" role="status">{t('popupLoading')}</p>;
  return <MemberPage {...data} captureHref={(id) => captureHref(scopeId, id)} backHref={`${LIBRARY_PAGE}?scope=${encodeURIComponent(scopeId)}`} now={Date.now()} t={t} locale={locale} />;
}

/** What the library list and sidebar show for teams (see {@link useTeamExtras}). */
export interface TeamExtras {
  /** capture id → sharer credit (team libraries only; empty in the learner's own) */
  credits: Map<string, { credit: Credit; memberHref: string | null }>;
  /** the What's new link and its unread count */
  whatsNew: { href: string; unread: number };
  /** member pages of the current team (members who opted out of spotlights left out) */
  members: Array<{ name: string; href: string; current?: boolean }>;
}

/**
 * Live team extras of the library page showing `scopeId`: sharer credits, the What's new count
 * and the member links; and marks What's new items read when capture `openId` is opened.
 */
export function useTeamExtras(db: SatchelDb, scopeId: string, openId: string | null, memberUserId: string | null): TeamExtras {
  const [extras, setExtras] = useState<TeamExtras>({ credits: new Map(), whatsNew: { href: WHATS_NEW_HREF, unread: 0 }, members: [] });
  useEffect(() => {
    const team = scopeId.startsWith('team:');
    const sub = liveQuery(async (): Promise<TeamExtras> => {
      const [credits, unread, cached] = await Promise.all([team ? loadTeamCredits(db, scopeId) : new Map(), unreadCount(db), team ? readMembers(db, scopeId) : null]);
      const members = (cached?.members ?? []).filter((m) => m.spotlight).map((m) => ({ name: m.displayName, href: memberHref(scopeId, m.userId), current: m.userId === memberUserId }));
      return { credits, whatsNew: { href: WHATS_NEW_HREF, unread }, members };
    }).subscribe({ next: setExtras, error: (e: unknown) => console.error('[satchel] team extras', e) });
    return () => sub.unsubscribe();
  }, [db, scopeId, memberUserId]);
  useEffect(() => {
    if (openId && scopeId.startsWith('team:')) void markCaptureRead(db, openId).catch((e: unknown) => console.error('[satchel] mark read', e));
  }, [db, openId, scopeId]);
  return extras;
}
