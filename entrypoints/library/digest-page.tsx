/**
 * The team digest page of the library (issue 11, docs/discussion.md "Digest"), reached by URL:
 * `library.html?scope=team:<id>&view=digest`. Container: asks the server for the digest when signed
 * in and reachable (`GET /v1/teams/:teamId/digest`), else builds it from this device's synced rows
 * with the same `buildDigest` (lib/db/digest-rows.ts) and says so; renders components/DigestView.tsx;
 * copies the paste-ready posts (navigator.clipboard) and downloads Markdown / HTML. Never posts.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import type { Digest } from '../../lib/schema/digest';
import type { Translate } from '../../lib/util/i18n';
import { listTeamScopes } from '../../lib/db/share';
import { readSyncAuth } from '../../lib/db/sync-state';
import { readLocalDigestRows } from '../../lib/db/digest-rows';
import { apiClient, ApiError } from '../../lib/sync/api-client';
import type { Fetch } from '../../lib/sync/transport';
import { buildDigest } from '../../lib/digest/build';
import { localDay, periodRange, type DigestPeriod } from '../../lib/digest/range';
import { renderDigestHtml } from '../../lib/digest/render-html';
import { renderDigestMarkdown } from '../../lib/digest/render-markdown';
import { PASTE_SITES, renderDigestPaste, type PasteSite } from '../../lib/digest/render-paste';
import type { RenderOptions } from '../../lib/digest/text';
import { digestViewModel } from '../../lib/digest/view-model';
import { downloadBlob } from '../../lib/platform/download';
import { DigestView, type DigestPeriodChoice } from '../../components/DigestView';
import { fmt } from '../../components/format';

/** True when the library URL (`location.search`) asks for the digest page. Pure. */
export const isDigestView = (search: string): boolean => new URLSearchParams(search).get('view') === 'digest';

/** The digest page of team scope `scopeId`. */
export const digestHref = (scopeId: string): string => `library.html?scope=${encodeURIComponent(scopeId)}&view=digest`;

const SITE_LABELS: Record<PasteSite, string> = { vivaEngage: 'digestSiteVivaEngage', teams: 'digestSiteTeams', linkedin: 'digestSiteLinkedin' };

/**
 * The digest of `[from, to)`: from the server when signed in and it answers, else (no sign-in, no
 * network, a 5xx) from this device's rows. A refusal (404: no longer a member; 4xx) is thrown
 * (ApiError). `fetchImpl` for tests.
 */
export async function loadDigest(db: SatchelDb, scopeId: string, teamName: string, from: number, to: number, fetchImpl: Fetch = (u, i) => fetch(u, i)): Promise<{ digest: Digest; fromDevice: boolean }> {
  const auth = await readSyncAuth(db);
  if (auth) {
    try {
      const api = apiClient({ serverUrl: auth.serverUrl, token: auth.token, fetch: fetchImpl });
      return { digest: await api.digest(scopeId.slice('team:'.length), from, to), fromDevice: false };
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 0 && e.status < 500)) throw e;
    }
  }
  return { digest: buildDigest(await readLocalDigestRows(db, scopeId, teamName, from, to)), fromDevice: true };
}

/** Props of {@link DigestPage}. */
export interface DigestPageProps {
  db: SatchelDb;
  t: Translate;
  locale?: string;
  /** the team scope (`team:<id>`) */
  scopeId: string;
}

/** The digest page: period, data, copy and download. */
export function DigestPage({ db, t, locale, scopeId }: DigestPageProps) {
  const now = Date.now();
  const [period, setPeriod] = useState<DigestPeriodChoice>({ kind: 'this-week', firstDay: localDay(now - 6 * 24 * 3600_000), lastDay: localDay(now) });
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; digest: Digest | null; fromDevice: boolean; error: string | null }>({ status: 'loading', digest: null, fromDevice: false, error: null });
  const range = useMemo(() => periodRange(period.kind === 'custom' ? period : ({ kind: period.kind } as DigestPeriod), Date.now()), [period]);
  const words: RenderOptions = useMemo(() => ({ tr: (k, v) => fmt(t(k), v ?? {}, locale), locale }), [t, locale]);

  useEffect(() => {
    if (!range) return;
    let live = true;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    void (async () => {
      try {
        const teamName = (await listTeamScopes(db)).find((x) => x.id === scopeId)?.name ?? scopeId.slice('team:'.length);
        const r = await loadDigest(db, scopeId, teamName, range.from, range.to);
        if (live) setState({ status: 'ready', digest: r.digest, fromDevice: r.fromDevice, error: null });
      } catch (e) {
        console.error('[satchel] digest', e);
        if (live) setState({ status: 'error', digest: null, fromDevice: false, error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [db, scopeId, range?.from, range?.to]);

  const d = state.digest;
  const posts = useMemo(() => (d ? PASTE_SITES.map((site) => renderDigestPaste(d, site, words)) : []), [d, words]);
  const fileName = d ? `satchel-digest-${localDay(d.from)}` : 'satchel-digest';
  return (
    <DigestView
      period={period}
      onPeriod={setPeriod}
      status={range ? state.status : 'ready'}
      error={state.error}
      badRange={!range}
      data={d && range ? digestViewModel(d, words) : null}
      fromDevice={state.fromDevice}
      posts={posts.map((p) => ({ site: p.site, label: t(SITE_LABELS[p.site]), length: p.length, limit: p.limit, dropped: p.dropped }))}
      onCopy={async (site) => {
        const post = posts.find((p) => p.site === site);
        if (!post) return false;
        try {
          await navigator.clipboard.writeText(post.text);
          return true;
        } catch {
          return false;
        }
      }}
      onDownload={(format) => {
        if (!d) return;
        if (format === 'markdown') downloadBlob(new Blob([renderDigestMarkdown(d, words)], { type: 'text/markdown;charset=utf-8' }), `${fileName}.md`);
        else downloadBlob(new Blob([renderDigestHtml(d, words)], { type: 'text/html;charset=utf-8' }), `${fileName}.html`);
      }}
      backHref={`library.html?scope=${encodeURIComponent(scopeId)}`}
      t={t}
      locale={locale}
    />
  );
}
