import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, cleanup, screen, fireEvent, waitFor } from '@testing-library/preact';
import { ReportButton } from './ReportButton';
import { ReportSection } from './ReportSection';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

describe('ReportButton (popup)', () => {
  it('starts the report and says what it does and that nothing is sent', async () => {
    const onReport = vi.fn(async () => null);
    render(<ReportButton onReport={onReport} t={t} />);
    const button = screen.getByRole('button', { name: 'Report this page' });
    expect(button.getAttribute('aria-describedby')).toBe('report-page-hint');
    expect(document.getElementById('report-page-hint')!.textContent).toContain('Nothing is sent');
    fireEvent.click(button);
    await waitFor(() => expect(onReport).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows why it could not start', async () => {
    render(<ReportButton onReport={async () => 'Could not establish connection'} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Report this page' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The report could not start on this page (Could not establish connection). Reload the page and try again.');
  });
});

describe('ReportSection (options)', () => {
  it('explains what is shared and offers the most recent supported tab', async () => {
    const onReport = vi.fn(async () => null);
    render(<ReportSection tab={{ title: 'Home / X', siteName: 'X' }} onReport={onReport} t={t} />);
    const section = screen.getByRole('region', { name: 'Report a page' });
    expect(section.textContent).toContain('Nothing is sent');
    expect(section.textContent).toContain('replaced by placeholders');
    fireEvent.click(screen.getByRole('button', { name: 'Report the X tab “Home / X”' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'The picker is open in that tab: pick a post there.');
    expect(onReport).toHaveBeenCalledOnce();
  });

  it('without a supported tab, says how to start one from the popup', () => {
    render(<ReportSection tab={null} onReport={async () => null} t={t} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('region', { name: 'Report a page' }).textContent).toContain('Report this page in Satchel');
  });

  it('shows why it could not start', async () => {
    render(<ReportSection tab={{ title: 'Feed', siteName: 'LinkedIn' }} onReport={async () => 'no tab'} t={t} />);
    fireEvent.click(screen.getByRole('button'));
    expect((await screen.findByRole('alert')).textContent).toContain('(no tab)');
  });
});
