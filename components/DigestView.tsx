import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { safeHttpUrl } from '../lib/util/url';
import { fmt } from './format';
import { IsolatedText, Name } from './Bdi';
import './digest-view.css';

/** The period picker's state: a preset week or custom first/last days (`YYYY-MM-DD`, inclusive). */
export interface DigestPeriodChoice {
  kind: 'this-week' | 'last-week' | 'custom';
  firstDay: string;
  lastDay: string;
}

/** The digest as plain strings (lib/digest/view-model.ts `DigestViewModel`). */
export interface DigestViewData {
  title: string;
  subtitle: string;
  sections: Array<{ heading: string; items: Array<{ captureId: string; title: string; url: string | null; lines: string[] }> }>;
  curated: { line: string; people: Array<{ userId: string; name: string; tally: string }> } | null;
}

/** One paste-ready post: where it goes, its length against the site's limit, items left out. */
export interface DigestPostInfo {
  site: string;
  /** the site's name ("Viva Engage") */
  label: string;
  length: number;
  limit: number;
  dropped: number;
}

/** Props of {@link DigestView}. */
export interface DigestViewProps {
  period: DigestPeriodChoice;
  onPeriod: (p: DigestPeriodChoice) => void;
  status: 'loading' | 'ready' | 'error';
  /** why it failed (status `error`), a sentence */
  error: string | null;
  /** the custom days do not make a period */
  badRange: boolean;
  data: DigestViewData | null;
  /** built offline from this device's synced rows */
  fromDevice: boolean;
  posts: DigestPostInfo[];
  /** copies the post for `site`; resolves false when the clipboard refused */
  onCopy: (site: string) => Promise<boolean>;
  onDownload: (format: 'markdown' | 'html') => void;
  /** the team's library */
  backHref: string;
  t: Translate;
  locale?: string;
}

const PRESETS = [
  ['this-week', 'digestThisWeek'],
  ['last-week', 'digestLastWeek'],
  ['custom', 'digestCustom'],
] as const;

/** The period picker: this week, last week, or custom days. */
function PeriodPicker({ period, onPeriod, badRange, t }: Pick<DigestViewProps, 'period' | 'onPeriod' | 'badRange' | 't'>) {
  return (
    <fieldset class="digest__period">
      <legend>{t('digestRangeLabel')}</legend>
      {PRESETS.map(([kind, key]) => (
        <label key={kind} class="digest__choice">
          <input type="radio" name="digest-period" value={kind} checked={period.kind === kind} onChange={() => onPeriod({ ...period, kind })} data-testid={`digest-period-${kind}`} />
          {t(key)}
        </label>
      ))}
      {period.kind === 'custom' ? (
        <span class="digest__days">
          <label>
            {t('digestFrom')} <input type="date" class="input input--small" value={period.firstDay} onChange={(e) => onPeriod({ ...period, firstDay: (e.currentTarget as HTMLInputElement).value })} data-testid="digest-first-day" />
          </label>
          <label>
            {t('digestTo')} <input type="date" class="input input--small" value={period.lastDay} onChange={(e) => onPeriod({ ...period, lastDay: (e.currentTarget as HTMLInputElement).value })} data-testid="digest-last-day" />
          </label>
        </span>
      ) : null}
      {badRange ? <p class="error" role="alert">{t('digestBadRange')}</p> : null}
    </fieldset>
  );
}

/** The digest's sections and credit. Every text is untrusted and rendered as text; only http(s) links. */
function DigestBody({ data, t }: { data: DigestViewData; t: Translate }) {
  return (
    <>
      {data.sections.length === 0 ? <p class="status">{t('digestEmpty')}</p> : null}
      {data.sections.map((s) => (
        <section key={s.heading} class="digest__section">
          <h3>{s.heading}</h3>
          <ol>
            {s.items.map((i) => {
              const url = safeHttpUrl(i.url);
              return (
                <li key={i.captureId} data-testid="digest-item">
                  <span class="digest__title" dir="auto">{url ? <a href={url} target="_blank" rel="noopener noreferrer">{i.title}</a> : i.title}</span>
                  {i.lines.map((l, n) => (
                    <span key={n} class="digest__line" dir="auto"><IsolatedText text={l} /></span>
                  ))}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {data.curated ? (
        <section class="digest__section" data-testid="digest-curated">
          <h3>{t('digestCuratedHeading')}</h3>
          <p dir="auto" class="digest__curated"><IsolatedText text={data.curated.line} /></p>
          <ul>
            {data.curated.people.map((p) => (
              <li key={p.userId} dir="auto" class="digest__person"><Name name={p.name} />: {p.tally}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/**
 * The team digest in the library (docs/discussion.md "Digest"): the period picker, the sections, the
 * credit, and the ways out: "Copy for Viva Engage / Teams / LinkedIn" (with the post's length
 * against the site's limit) and "Download Markdown / HTML". Satchel never posts anything.
 */
export function DigestView(p: DigestViewProps) {
  const { t, locale, data } = p;
  const [copied, setCopied] = useState<{ site: string; ok: boolean } | null>(null);
  const copy = async (site: string) => setCopied({ site, ok: await p.onCopy(site) });
  return (
    <article class="digest" aria-labelledby="digest-title" data-testid="digest-view">
      <p><a href={p.backHref} class="btn btn--small btn--ghost">{t('digestBack')}</a></p>
      <h2 id="digest-title" dir="auto">{data?.title ?? t('digestOpen')}</h2>
      <PeriodPicker period={p.period} onPeriod={p.onPeriod} badRange={p.badRange} t={t} />
      {p.status === 'loading' ? <p class="status" role="status">{t('digestLoading')}</p> : null}
      {p.status === 'error' ? <p class="status error" role="alert">{fmt(t('digestError'), { error: p.error ?? '' })}</p> : null}
      {data && p.status === 'ready' ? (
        <>
          <p class="digest__meta">{data.subtitle}</p>
          {p.fromDevice ? <p class="digest__note" role="note" data-testid="digest-from-device">{t('digestFromDevice')}</p> : null}
          <section class="digest__out" aria-labelledby="digest-out">
            <h3 id="digest-out">{t('digestExportTitle')}</h3>
            <p class="digest__note">{t('digestNeverPosts')}</p>
            <ul class="digest__posts">
              {p.posts.map((post) => (
                <li key={post.site}>
                  <button type="button" class="btn" onClick={() => void copy(post.site)} data-testid={`digest-copy-${post.site}`}>
                    {fmt(t('digestCopyFor'), { site: post.label })}
                  </button>{' '}
                  <span class="digest__count">{fmt(t('digestLength'), { count: post.length, limit: post.limit }, locale)}</span>
                  {post.dropped ? <span class="digest__count"> · {fmt(t('digestDropped'), { count: post.dropped }, locale)}</span> : null}
                  {copied?.site === post.site ? (
                    <span role="status" class={copied.ok ? 'digest__copied' : 'error'}> {t(copied.ok ? 'digestCopied' : 'digestCopyFailed')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
            <p>
              <button type="button" class="btn" onClick={() => p.onDownload('markdown')} data-testid="digest-download-markdown">{t('digestDownloadMarkdown')}</button>{' '}
              <button type="button" class="btn" onClick={() => p.onDownload('html')} data-testid="digest-download-html">{t('digestDownloadHtml')}</button>
            </p>
          </section>
          <DigestBody data={data} t={t} />
        </>
      ) : null}
    </article>
  );
}
