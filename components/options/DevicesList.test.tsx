import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { DevicesList } from './DevicesList';
import type { DeviceView } from './types';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const T = 1_780_000_000_000;
const device = (o: Partial<DeviceView>): DeviceView => ({ deviceId: 'd', name: 'Device', createdAt: T, lastSeenAt: T, revokedAt: null, current: false, ...o });
const devices = [
  device({ deviceId: 'old', name: 'Old phone', lastSeenAt: T - 10_000 }),
  device({ deviceId: 'gone', name: 'Lost laptop', revokedAt: T }),
  device({ deviceId: 'me', name: 'Chrome on Linux', current: true, lastSeenAt: T - 99_000 }),
  device({ deviceId: 'desk', name: 'Desk', lastSeenAt: T }),
];

describe('DevicesList', () => {
  it('lists this device first with a badge, then active ones by last seen, then revoked ones', () => {
    render(<DevicesList devices={devices} onRevoke={async () => ({ ok: true, value: undefined })} t={t} locale="en" />);
    const rows = within(screen.getByTestId('devices')).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.opt-row__title')!.textContent)).toEqual(['Chrome on Linuxthis device', 'Desk', 'Old phone', 'Lost laptop']);
    expect(within(rows[0]!).queryByRole('button')).toBeNull(); // no sign-out for this device here
    expect(rows[3]!.textContent).toContain('Signed out');
    expect(within(rows[3]!).queryByRole('button')).toBeNull();
  });

  it('signs another device out after an inline confirmation, focusing the confirm button', async () => {
    const onRevoke = vi.fn(async () => ({ ok: true as const, value: undefined }));
    render(<DevicesList devices={devices} onRevoke={onRevoke} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out Desk' }));
    expect(screen.getByText(/^Sign out Desk\? It stops syncing/)).toBeTruthy();
    const confirm = screen.getByRole('group').querySelector<HTMLButtonElement>('[data-confirm]')!;
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(onRevoke).toHaveBeenCalledWith('desk'));
  });

  it('cancel returns focus to the row button; a failure is shown in words', async () => {
    render(<DevicesList devices={devices} onRevoke={async () => ({ ok: false, error: 'Can’t reach the server.' })} t={t} />);
    const button = screen.getByRole('button', { name: 'Sign out Old phone' });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign out Old phone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out Old phone' }));
    fireEvent.click(screen.getByRole('group').querySelector('[data-confirm]')!);
    expect((await screen.findByRole('alert')).textContent).toBe('Can’t reach the server.');
  });
});
