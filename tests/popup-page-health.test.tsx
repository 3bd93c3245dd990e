import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../entrypoints/popup/App';
import { askPageHealth, PageHealthLine, pageHealthText } from '../entrypoints/popup/page-health';
import { SatchelDb } from '../lib/db/database';
import { makeCapture } from '../lib/db/testing';
import { markReviewed } from '../lib/db/review';
import type { CaptureHealth } from '../lib/messages/to-content';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

// The popup's "This page" line (issue 9 part 3): shown only when the active tab's content script
// reports something off; nothing when all is well or when no content script answers.

const t = makeTranslate(null, en);
afterEach(cleanup);

function health(over: Partial<CaptureHealth> = {}): CaptureHealth {
  return {
    site: 'linkedin', postsFound: 12, controlsMounted: 9, postsWithoutId: 0, postsUnreadable: 0, unknownLayouts: 0, draftsRead: 0,
    emptyFields: { author: 0, text: 0, postedAt: 0, media: 0, permalink: 0 },
    savesRefused: { 'no-id': 0, unreadable: 0, error: 0, refused: 0, 'no-answer': 0 },
    ...over,
  };
}

describe('PageHealthLine', () => {
  it('says which site changed its layout and how many posts could not be read', () => {
    render(<PageHealthLine issue={{ kind: 'unread', site: 'linkedin', count: 3 }} t={t} locale="en" />);
    expect(screen.getByTestId('page-health').textContent).toBe('This page: LinkedIn changed its layout here: 3 posts could not be read.');
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it('uses the singular where the plural rule says one', () => {
    expect(pageHealthText({ kind: 'unread', site: 'x', count: 1 }, t, 'en')).toBe('X changed its layout here: 1 post could not be read.');
    expect(pageHealthText({ kind: 'partial', site: 'yammer', count: 1 }, t, 'en')).toBe('Viva Engage may have changed its layout here: 1 post was read without some of its details.');
    expect(pageHealthText({ kind: 'partial', site: 'yammer', count: 1200 }, t, 'en')).toBe('Viva Engage may have changed its layout here: 1,200 posts were read without some of their details.');
  });

  it('says when Satchel finds no post where the page shows some (no number), and names an unknown layout as such', () => {
    expect(pageHealthText({ kind: 'none-found', site: 'linkedin', count: 7 }, t, 'en')).toBe(
      'Satchel can’t find the posts on this LinkedIn page: LinkedIn may have changed its layout. Report this page helps us fix it.',
    );
    expect(pageHealthText({ kind: 'none-found', site: 'x', count: 1 }, t, 'en')).toBe('Satchel can’t find the posts on this X page: X may have changed its layout. Report this page helps us fix it.');
    expect(pageHealthText({ kind: 'unfound', site: 'linkedin', count: 3 }, t, 'en')).toBe(
      'LinkedIn may have changed its layout here: Satchel can’t find 3 of the posts on this page. Report this page helps us fix it.',
    );
    expect(pageHealthText({ kind: 'layout', site: 'yammer', count: 2 }, t, 'en')).toBe(
      'Viva Engage may have changed its layout here: 2 posts are shown in a layout Satchel doesn’t know yet. Check they were saved in full; Report this page helps us fix it.',
    );
    expect(pageHealthText({ kind: 'layout', site: 'yammer', count: 1 }, t, 'en')).toBe(
      'Viva Engage may have changed its layout here: 1 post is shown in a layout Satchel doesn’t know yet. Check it was saved in full; Report this page helps us fix it.',
    );
  });

  it('renders nothing when all is well', () => {
    const { container } = render(<PageHealthLine issue={null} t={t} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('askPageHealth', () => {
  it('asks the active tab, and gives null when no content script answers or the reply is malformed', async () => {
    fakeBrowser.tabs.query = vi.fn().mockResolvedValue([{ id: 5 }]) as never;
    const send = vi.fn().mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    fakeBrowser.tabs.sendMessage = send as never;
    expect(await askPageHealth()).toBeNull();
    send.mockResolvedValue({ ok: true, health: health({ postsUnreadable: 4 }) });
    expect(await askPageHealth()).toEqual(health({ postsUnreadable: 4 }));
    expect(send).toHaveBeenLastCalledWith(5, { type: 'health/get' }, { frameId: 0 });
    send.mockResolvedValue({ ok: true, health: { site: 'x' } });
    expect(await askPageHealth()).toBeNull();
    fakeBrowser.tabs.query = vi.fn().mockResolvedValue([]) as never;
    expect(await askPageHealth()).toBeNull(); // no active tab
  });

  it('runs the health probe on a page a content script reads, and only there', async () => {
    fakeBrowser.tabs.query = vi.fn().mockResolvedValue([{ id: 5 }]) as never;
    const send = vi.fn().mockResolvedValue({ ok: true, health: health({ postsFound: 0, controlsMounted: 0 }) });
    fakeBrowser.tabs.sendMessage = send as never;
    const probe = vi.fn(async () => 7);
    expect(await askPageHealth(probe)).toEqual({ ...health({ postsFound: 0, controlsMounted: 0 }), postsUnrecognised: 7 });
    expect(probe).toHaveBeenCalledWith(5);
    // The probe could not run: the counters alone.
    expect(await askPageHealth(async () => null)).toEqual(health({ postsFound: 0, controlsMounted: 0 }));
    // Not a page the adapter reads (site null): no probe.
    send.mockResolvedValue({ ok: true, health: health({ site: null }) });
    probe.mockClear();
    expect(await askPageHealth(probe)).toEqual(health({ site: null }));
    expect(probe).not.toHaveBeenCalled();
  });
});

describe('popup App: This page', () => {
  const fresh = () => new SatchelDb(`popup-health-${Math.random()}`);

  it('shows the line when the page reports something off', async () => {
    render(<App db={fresh()} t={t} locale="en" pageHealth={async () => health({ postsUnreadable: 3 })} />);
    expect((await screen.findByTestId('page-health')).textContent).toContain('LinkedIn changed its layout here: 3 posts could not be read.');
  });

  it('says when the page shows posts and Satchel found none', async () => {
    render(<App db={fresh()} t={t} locale="en" pageHealth={async () => ({ ...health({ postsFound: 0, controlsMounted: 0 }), postsUnrecognised: 7 })} />);
    expect((await screen.findByTestId('page-health')).textContent).toBe(
      'This page: Satchel can’t find the posts on this LinkedIn page: LinkedIn may have changed its layout. Report this page helps us fix it.',
    );
  });

  it('shows nothing when all is well, or on a page without a content script', async () => {
    for (const h of [health(), null]) {
      const ask = vi.fn(async () => h);
      render(<App db={fresh()} t={t} locale="en" pageHealth={ask} />);
      await waitFor(() => expect(ask).toHaveBeenCalled());
      await screen.findByText(t('popupTitle'));
      expect(screen.queryByTestId('page-health')).toBeNull();
      cleanup();
    }
  });

  it('no "0 waiting for review" line once nothing waits (issue 12 audit)', async () => {
    const db = fresh();
    const c = makeCapture();
    await db.captures.add(c);
    render(<App db={db} t={t} locale="en" pageHealth={async () => null} />);
    expect((await screen.findByTestId('waiting-count')).textContent).toBe('1 waiting for review');
    await markReviewed(db, [c.id]);
    await waitFor(() => expect(screen.queryByTestId('popup-figures')).toBeNull());
    expect(screen.queryByText(/0 waiting for review/)).toBeNull();
  });
});
