import { describe, it, expect, vi } from 'vitest';
import { render, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { DigestView, type DigestViewProps } from './DigestView';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import { buildDigest } from '../lib/digest/build';
import { digestViewModel } from '../lib/digest/view-model';
import { makeCaptureRow, makeCommentRow, makeInput } from '../lib/digest/testing';
import { englishWords } from '../tests/helpers/digest-words';

const t = makeTranslate(null, en);

function props(over: Partial<DigestViewProps> = {}): DigestViewProps {
  const evil = makeCaptureRow({ text: '<img src=x onerror=alert(1)>', permalink: 'javascript:alert(1)', note: '<script>alert(1)</script>' });
  const fine = makeCaptureRow({ title: 'A good read' });
  const d = buildDigest(makeInput({ captures: [evil, fine], comments: [makeCommentRow(fine.id)] }));
  return {
    period: { kind: 'this-week', firstDay: '2026-11-30', lastDay: '2026-12-06' },
    onPeriod: () => {},
    status: 'ready',
    error: null,
    badRange: false,
    data: digestViewModel(d, englishWords()),
    fromDevice: false,
    posts: [
      { site: 'vivaEngage', label: 'Viva Engage', length: 812, limit: 4000, dropped: 0 },
      { site: 'linkedin', label: 'LinkedIn', length: 2990, limit: 3000, dropped: 3 },
    ],
    onCopy: async () => true,
    onDownload: () => {},
    backHref: 'library.html?scope=team%3At',
    t,
    locale: 'en-US',
    ...over,
  };
}

describe('DigestView', () => {
  it('shows the sections and credit as text, links only http(s) titles', () => {
    const { container } = render(<DigestView {...props()} />);
    expect(screen.getByRole('heading', { name: 'Learning Guild digest' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Most discussed' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'A good read' }).getAttribute('href')).toMatch(/^https:\/\//);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy(); // the post text, as text
    expect(container.querySelector('img, script')).toBeNull();
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href')).not.toMatch(/^javascript:/i);
    expect(screen.getByTestId('digest-curated').textContent).toContain('Curated by Ana and Ben.');
  });

  it('copies a post, says Copied (or that copying failed), shows each length against its limit', async () => {
    const onCopy = vi.fn(async (site: string) => site === 'vivaEngage');
    render(<DigestView {...props({ onCopy })} />);
    expect(screen.getByText('812 of 4,000 characters')).toBeTruthy();
    expect(screen.getByText(/3 items left out to fit/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy for Viva Engage' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy for LinkedIn' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Could not copy'));
    expect(onCopy.mock.calls.map((c) => c[0])).toEqual(['vivaEngage', 'linkedin']);
  });

  it('downloads Markdown and HTML, changes the period, says when built from this device', () => {
    const onDownload = vi.fn();
    const onPeriod = vi.fn();
    render(<DigestView {...props({ onDownload, onPeriod, fromDevice: true, period: { kind: 'custom', firstDay: '2026-12-01', lastDay: '2026-12-03' } })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download HTML' }));
    expect(onDownload.mock.calls).toEqual([['markdown'], ['html']]);
    expect(screen.getByTestId('digest-from-device').textContent).toBe("Built from this device's copy (the server could not be reached).");
    fireEvent.click(screen.getByLabelText('Last week'));
    expect(onPeriod).toHaveBeenCalledWith({ kind: 'last-week', firstDay: '2026-12-01', lastDay: '2026-12-03' });
    fireEvent.change(screen.getByTestId('digest-last-day'), { target: { value: '2026-12-05' } });
    expect(onPeriod).toHaveBeenLastCalledWith({ kind: 'custom', firstDay: '2026-12-01', lastDay: '2026-12-05' });
  });

  it('says when the period is not valid, when it is loading, and why it failed', () => {
    const { rerender } = render(<DigestView {...props({ badRange: true, data: null })} />);
    expect(screen.getByRole('alert').textContent).toContain('Pick a last day on or after the first day');
    rerender(<DigestView {...props({ status: 'error', error: 'no such team', data: null })} />);
    expect(screen.getByRole('alert').textContent).toBe('The digest could not be built: no such team');
    rerender(<DigestView {...props({ status: 'loading', data: null })} />);
    expect(screen.getByRole('status').textContent).toBe('Building the digest…');
  });

  it('axe: no serious or critical violations', async () => {
    const { container } = render(<DigestView {...props({ fromDevice: true })} />);
    const r = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 30_000);
});
