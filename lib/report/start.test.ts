// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { xAdapter } from '../sites/x';
import { yammerAdapter } from '../sites/yammer';
import { listFixtures, loadDocument } from '../../tests/helpers/load-fixture';
import { startReport, REPORT_HOST } from './start';
import { parseReportHeader } from './header';

const messages = en as Record<string, { message: string }>;
/** The bundled English strings; a missing key shows as `!!key` so the test sees it. */
const t = (key: string) => messages[key]?.message ?? `!!${key}`;

function xPage() {
  const fx = listFixtures().find((f) => f.name === 'x-2026-11_status-page_self-thread-3-parts_reply-by-other__synthetic')!;
  const doc = loadDocument(fx.html, fx.expected!.url);
  return { doc, url: fx.expected!.url };
}

function open(doc: Document, url: string, download = vi.fn()) {
  const session = startReport({ adapter: xAdapter, t, document: doc, url: () => url, download, seed: () => 1, now: () => new Date('2026-11-30T10:00:00Z') });
  const host = doc.querySelector(REPORT_HOST)!;
  const root = host.shadowRoot!;
  const key = (k: string, init: KeyboardEventInit = {}) => {
    const target = (root.activeElement as HTMLElement | null) ?? doc.body;
    target.dispatchEvent(new doc.defaultView!.KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));
  };
  return { session, host, root, key, download };
}

describe('report flow in the page', () => {
  it('keyboard: Tab goes from post to post, Enter picks, the dialog shows the sample, Save downloads it', async () => {
    const { doc, url } = xPage();
    const pageKeys = vi.fn();
    doc.addEventListener('keydown', pageKeys);
    const outside = doc.createElement('button');
    doc.body.append(outside);
    outside.focus();
    const { session, root, key, download } = open(doc, url);

    const banner = root.querySelector('.banner')!;
    expect(root.activeElement).toBe(banner);
    expect(banner.textContent).toContain('pick the post to share');
    expect(root.textContent).not.toContain('!!');

    const posts = xAdapter.findPosts(doc);
    key('Tab');
    expect(root.querySelector('[role="status"]')!.textContent).toBe(`Post 1 of ${posts.length}`);
    key('Tab');
    key('Tab', { shiftKey: true });
    key('Tab', { shiftKey: true });
    expect(root.querySelector('[role="status"]')!.textContent).toBe(`Post ${posts.length} of ${posts.length}`);
    key('j'); // an X shortcut: the page never sees it
    expect(pageKeys).not.toHaveBeenCalled();

    key('Enter');
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toContain('what the file will contain');
    const pre = root.querySelector('pre')!;
    expect(root.activeElement).toBe(pre);
    const sample = pre.textContent!;
    expect(parseReportHeader(sample)).toMatchObject({ site: 'x', pageKind: 'status-page', capturedAt: '2026-11-30' });
    const last = xAdapter.extract(posts[posts.length - 1]!, { document: doc, url });
    expect(sample).not.toContain(last.author!.name);
    expect(sample.toLowerCase()).not.toContain(String(last.author!.handle).toLowerCase());
    expect(sample).not.toContain(last.postId);

    // Focus is trapped: pre → Save → Cancel → pre.
    const [save, cancel] = [...root.querySelectorAll('button')];
    key('Tab');
    expect(root.activeElement).toBe(save);
    key('Tab');
    expect(root.activeElement).toBe(cancel);
    key('Tab');
    expect(root.activeElement).toBe(pre);
    key('Tab', { shiftKey: true });
    expect(root.activeElement).toBe(cancel);

    save!.click();
    expect(download).toHaveBeenCalledWith(sample, 'satchel-report-x-2026-11-30.html');
    expect(root.querySelector('.dialog [role="status"]')!.textContent).toBe('Saved to your downloads as satchel-report-x-2026-11-30.html.');
    expect(cancel!.textContent).toBe('Close');
    cancel!.click();
    await expect(session.done).resolves.toBe('saved');
    expect(doc.querySelector(REPORT_HOST)).toBeNull();
    expect(doc.activeElement).toBe(outside);
  });

  it('pointer: a click on a post picks it (the page does not get the click); the innermost post wins', () => {
    const fx = listFixtures().find((f) => f.name === 'yammer-2026-11_thread-page_nested-replies_show-previous')!;
    const doc = loadDocument(fx.html, fx.expected!.url);
    const pageClicks = vi.fn();
    doc.addEventListener('click', pageClicks);
    const session = startReport({ adapter: yammerAdapter, t, document: doc, url: () => fx.expected!.url, download: vi.fn(), seed: () => 1 });
    const root = doc.querySelector(REPORT_HOST)!.shadowRoot!;
    const reply = yammerAdapter.findPosts(doc)[1]!;
    const inside = reply.querySelector('p') ?? reply;
    inside.dispatchEvent(new doc.defaultView!.MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    expect(pageClicks).not.toHaveBeenCalled();
    const sample = root.querySelector('pre')!.textContent!;
    // The sample holds the reply (and its own replies), not the whole thread.
    const sdoc = loadDocument(sample, 'https://engage.cloud.microsoft/');
    expect(yammerAdapter.findPosts(sdoc).length).toBe(yammerAdapter.findPosts(reply).length);
    session.cancel();
  });

  it('a click outside every post says so; Esc cancels; a second start focuses the open one', async () => {
    const { doc, url } = xPage();
    const first = open(doc, url);
    const again = startReport({ adapter: xAdapter, t, document: doc, url: () => url });
    expect(again).toBe(first.session);
    expect(doc.querySelectorAll(REPORT_HOST)).toHaveLength(1);
    doc.body.dispatchEvent(new doc.defaultView!.MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(first.root.querySelector('[role="status"]')!.textContent).toBe(t('reportPickNotPost'));
    first.key('Escape');
    await expect(first.session.done).resolves.toBe('cancelled');
    expect(doc.querySelector(REPORT_HOST)).toBeNull();
  });

  it('on a page with no posts it says so', () => {
    const doc = loadDocument('<p>nothing here</p>', 'https://x.com/home');
    const { root, session } = open(doc, 'https://x.com/home');
    expect(root.querySelector('[role="status"]')!.textContent).toBe(t('reportPickNone'));
    session.cancel();
  });
});
