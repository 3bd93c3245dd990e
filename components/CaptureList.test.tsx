import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup } from '@testing-library/preact';
import { CaptureList } from './CaptureList';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
const NOW = Date.UTC(2026, 11, 1, 12, 0);
afterEach(cleanup);

describe('CaptureList', () => {
  it('shows an empty state that tells a new user what to do', () => {
    const { getByTestId } = render(<CaptureList captures={[]} now={NOW} t={t} />);
    expect(getByTestId('capture-empty').textContent).toContain('Nothing saved yet');
    expect(getByTestId('capture-empty').textContent).toContain('Alt+Shift+S');
  });

  it('lists items with icon, author, saved time, text as written, stable attributes', () => {
    const a = makeCapture({ id: '01900000-0000-7000-8000-00000000000a', postId: '1', capturedAt: NOW - 5 * 60_000, text: 'שלום עולם\nsecond line', lang: 'he' });
    const b = makeCapture({ id: '01900000-0000-7000-8000-00000000000b', postId: '2', platform: 'linkedin', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:2/', author: { name: 'Lee', handle: null, profileUrl: null, avatarUrl: null } });
    const { getAllByTestId, getAllByRole } = render(<CaptureList captures={[a, b]} now={NOW} t={t} locale="en" />);
    const items = getAllByTestId('capture-item');
    expect(items.map((i) => i.getAttribute('data-capture-key'))).toEqual(['x:1', 'linkedin:2']);
    const first = items[0]!;
    expect(first.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('X');
    expect(first.textContent).toContain('Some One');
    // Issue 12: the time line said the save time twice; it says when the post was published and when it was saved.
    expect([...first.querySelectorAll('time')].map((x) => x.textContent)).toEqual(['Posted yesterday', 'Saved 5 minutes ago']);
    const text = first.querySelector('.citem__text')!;
    expect(text.getAttribute('dir')).toBe('auto');
    expect(text.textContent).toBe('שלום עולם\nsecond line');
    expect(getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toEqual(['X', 'LinkedIn']);
  });

  it('a capture saved without its post id says so and offers "Find on LinkedIn" (the author\'s recent activity) instead of "Open original"', () => {
    const c = makeCapture({
      platform: 'linkedin', postId: 'content:0123456789abcdef0123456789abcdef', permalink: null, permalinkMissing: true,
      author: { name: 'Member A', handle: 'member-a', profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null },
    });
    const { getByTestId, queryByTestId } = render(<CaptureList captures={[c]} now={NOW} t={t} />);
    const item = getByTestId('capture-item');
    expect(item.querySelector('[data-flag="permalinkMissing"]')?.textContent).toBe('No link yet');
    const find = getByTestId('find-on-site');
    expect(find.textContent).toContain('Find on LinkedIn');
    expect(find.getAttribute('href')).toBe('https://www.linkedin.com/in/member-a/recent-activity/all/');
    expect(queryByTestId('open-original')).toBeNull();
  });

  it('shows the truncated marker and other flags', () => {
    const c = makeCapture({ truncated: true, mediaMissing: true });
    const { getByTestId } = render(<CaptureList captures={[c]} now={NOW} t={t} />);
    const item = getByTestId('capture-item');
    expect(item.textContent).toContain('Text cut');
    expect(item.textContent).toContain('Image not loaded');
    expect(item.querySelectorAll('[data-flag]')).toHaveLength(2);
  });

  it('renders captured text as text, never HTML, and links only to http(s)', () => {
    const evil = makeCapture({ text: '<img src=x onerror="alert(1)"><b>bold</b>', author: { name: '<script>x</script>', handle: null, profileUrl: null, avatarUrl: null } });
    const bad = makeCapture({ id: '01900000-0000-7000-8000-00000000000c', postId: '9', permalink: 'javascript:alert(1)' as never });
    const { container } = render(<CaptureList captures={[evil, bad]} now={NOW} t={t} />);
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)"><b>bold</b>');
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://x.com/someone/status/1800000000000000001']);
    expect(container.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('issue 12: an item shows avatar, intent, tags, a note excerpt, "Shared to", the quoted post and a lazy thumbnail', () => {
    const c = makeCapture({
      capturedAt: NOW - 60_000, postedAt: new Date(NOW - 2 * 86_400_000).toISOString(), intent: 'question', tags: ['AI', 'Retro', 'Ops', 'Lean', 'Extra'], note: 'Ask the team\nbefore Friday',
      author: { name: 'Ana Silva', handle: null, profileUrl: null, avatarUrl: 'https://pbs.twimg.com/profile_images/1/a.jpg' },
      media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A chart' }],
      quoted: { platform: 'x', postId: '9', permalink: null, author: { name: 'Bo', handle: null, profileUrl: null, avatarUrl: null }, text: 'Quoted', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false },
    });
    const { getByTestId, container } = render(<CaptureList captures={[c]} now={NOW} t={t} locale="en" sharedTo={new Map([[c.id, ['L&D Guild 🎓']]])} />);
    const item = getByTestId('capture-item');
    expect([...item.querySelectorAll('time')].map((x) => x.textContent)).toEqual(['Posted 2 days ago', 'Saved 1 minute ago']);
    expect(getByTestId('item-intent').textContent).toBe('Question to discuss');
    expect(item.querySelector('.citem__meta')!.textContent).toBe('Question to discussShared to L&D Guild 🎓#AI#Retro#Ops#Lean+1');
    expect(getByTestId('item-note').textContent).toBe('Private note: Ask the team\nbefore Friday');
    expect(getByTestId('quoted-preview').textContent).toBe('Quoting Bo: Quoted');
    const imgs = [...container.querySelectorAll('img')];
    expect(imgs.map((i) => [i.className || i.parentElement!.className, i.getAttribute('loading'), i.getAttribute('referrerpolicy')])).toEqual([
      ['avatar avatar--md', 'lazy', 'no-referrer'],
      ['thumb thumb--popup', 'lazy', 'no-referrer'],
    ]);
  });

  it('an avatar or thumbnail that fails to load becomes initials or a neutral box', () => {
    const c = makeCapture({ author: { name: 'Ana Silva', handle: null, profileUrl: null, avatarUrl: 'https://pbs.twimg.com/x.jpg' }, media: [{ kind: 'image', url: 'https://pbs.twimg.com/y.jpg', alt: null }] });
    const { container, getByTestId } = render(<CaptureList captures={[c]} now={NOW} t={t} />);
    for (const img of [...container.querySelectorAll('img')]) fireEvent.error(img);
    expect(container.querySelector('img')).toBeNull();
    expect(getByTestId('avatar-initials').textContent).toBe('AS');
    expect(getByTestId('media-box')).toBeTruthy();
  });

  it('offers "Show more" as a keyboard-reachable button', () => {
    const onShowMore = vi.fn();
    const { getByRole } = render(<CaptureList captures={[makeCapture()]} now={NOW} t={t} hasMore onShowMore={onShowMore} />);
    const btn = getByRole('button', { name: 'Show more' });
    fireEvent.click(btn);
    expect(onShowMore).toHaveBeenCalledOnce();
  });
});
