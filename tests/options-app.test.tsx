import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor } from '@testing-library/preact';
import { App, type OptionsDeps } from '../entrypoints/options/App';
import { SatchelDb } from '../lib/db/database';
import { makeCapture } from '../lib/db/testing';
import { readSyncAuth, readServerUrl, writeSyncAuth, ensureDeviceId, countPending } from '../lib/db/sync-state';
import { ApiError, type ApiClient } from '../lib/sync/api-client';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

// The options container with a fake server and fake permission API over a real (fake-indexeddb)
// database: what gets stored, what is shown, in which order the permission and the server are asked.

const t = makeTranslate(null, en);
afterEach(cleanup);

function fakeApi(over: Partial<ApiClient> = {}) {
  const calls: string[] = [];
  const client = {
    health: vi.fn(async () => (calls.push('health'), { ok: true, store: 'sqlite' as const })),
    createAccount: vi.fn(async () => ({ userId: 'u1', token: 'cap_t_secret' })),
    signIn: vi.fn(async () => ({ userId: 'u1', token: 'cap_t_secret' })),
    signOut: vi.fn(async () => ({ ok: true as const })),
    me: vi.fn(async () => ({ user: { id: 'u1', email: 'ada@example.org', displayName: 'Ada' }, deviceId: 'd', teams: [], scopes: [] })),
    devices: vi.fn(async () => ({ devices: [] })),
    ...over,
  } as unknown as ApiClient;
  const api = vi.fn((_url: string, _token?: string) => client);
  return { api, client, calls };
}

function deps(db: SatchelDb, over: Partial<OptionsDeps> = {}): OptionsDeps {
  return {
    db,
    t,
    api: fakeApi().api,
    permissions: { request: async () => ({ granted: true, error: null }), has: async () => false },
    deviceName: 'Chrome on Linux',
    copy: async () => true,
    online: () => true,
    ...over,
  };
}
const fresh = () => new SatchelDb(`options-app-${Math.random()}`);

async function connect(url: string) {
  const input = await screen.findByLabelText('Server address');
  fireEvent.input(input, { target: { value: url } });
  fireEvent.submit(input.closest('form')!);
}

describe('options App', () => {
  it('asks for the host permission first (inside the gesture), then /healthz, then stores the server', async () => {
    const db = fresh();
    const order: string[] = [];
    const { api, client } = fakeApi({ health: vi.fn(async () => (order.push('health'), { ok: true, store: 'sqlite' as const })) as ApiClient['health'] });
    const request = vi.fn((origin: string) => (order.push(`permission ${origin}`), Promise.resolve({ granted: true, error: null })));
    render(<App {...deps(db, { api, permissions: { request, has: async () => false } })} />);
    await connect(' http://127.0.0.1:8787/ ');
    // The permission request was made synchronously by the submit handler.
    expect(request).toHaveBeenCalledWith('http://127.0.0.1:8787');
    // Generous: the first render of the file loads the modules (seconds on a busy machine).
    await screen.findByRole('heading', { name: 'Your account' }, { timeout: 10_000 });
    expect(order).toEqual(['permission http://127.0.0.1:8787', 'health']);
    expect(client.health).toHaveBeenCalledOnce();
    expect(await readServerUrl(db)).toBe('http://127.0.0.1:8787');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Your account'));
  });

  it('a declined permission or an unreachable server is explained, and nothing is stored', async () => {
    const db = fresh();
    const request = vi.fn(async () => ({ granted: false, error: null }));
    const { api } = fakeApi({ health: vi.fn(async () => { throw new ApiError(0, 'network', 'fetch failed'); }) as ApiClient['health'] });
    render(<App {...deps(db, { api, permissions: { request, has: async () => false } })} />);
    await connect('https://satchel.example.org');
    expect((await screen.findByRole('alert')).textContent).toBe('Satchel was not allowed to reach https://satchel.example.org. Press Connect again and choose Allow.');
    request.mockResolvedValue({ granted: true, error: null });
    await connect('https://satchel.example.org');
    // Issue 12: the words name the address and what may be wrong with it.
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Nothing answered at https:\/\/satchel\.example\.org: the name may be wrong, no server is running there, or its certificate is not trusted/));
    expect(await readServerUrl(db)).toBeNull();
  });

  it('refuses an insecure address before asking anything', async () => {
    const db = fresh();
    const request = vi.fn(async () => ({ granted: true, error: null }));
    render(<App {...deps(db, { permissions: { request, has: async () => false } })} />);
    await connect('http://satchel.example.org');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Use an https:\/\/ address/);
    expect(request).not.toHaveBeenCalled();
  });

  it('creates an account with this device id and stores SyncAuth; a wrong password is said so on sign-in', async () => {
    const db = fresh();
    const { api, client } = fakeApi();
    render(<App {...deps(db, { api, permissions: { request: async () => ({ granted: true, error: null }), has: async () => true } })} />);
    await connect('https://satchel.example.org');
    await screen.findByRole('heading', { name: 'Your account' });
    (client.signIn as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'invalid credentials'));
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ada@example.org' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password. Check both and try again.');
    expect(await readSyncAuth(db)).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Create account' }));
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'long enough' } });
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByRole('heading', { name: 'Signed in' });
    const deviceId = await ensureDeviceId(db);
    expect(client.createAccount).toHaveBeenCalledWith({ email: 'ada@example.org', password: 'long enough', displayName: 'Ada', deviceId, deviceName: 'Chrome on Linux' });
    expect(await readSyncAuth(db)).toEqual({ serverUrl: 'https://satchel.example.org', token: 'cap_t_secret', deviceId, userId: 'u1' });
    expect(api).toHaveBeenCalledWith('https://satchel.example.org', 'cap_t_secret');
    expect(await screen.findByText('ada@example.org')).toBeTruthy();
  });

  it('sign out removing the library: server session ended, auth forgotten, captures and outbox gone, device kept', async () => {
    const db = fresh();
    const deviceId = await ensureDeviceId(db);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_t_secret', deviceId, userId: 'u1' });
    await db.captures.add(makeCapture());
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a1', name: 'createCapture', args: {}, clientTs: 1 });
    const { api, client } = fakeApi();
    render(<App {...deps(db, { api })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out…' }));
    fireEvent.click(await screen.findByRole('radio', { name: /Remove it/ }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Warning: 1 change has not reached the server yet/);
    expect(screen.getByText(/Deletes the 1 captures/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out and remove library' }));
    expect(await screen.findByText('Signed out. The library was removed from this browser.')).toBeTruthy();
    expect(client.signOut).toHaveBeenCalledOnce();
    expect(await readSyncAuth(db)).toBeNull();
    expect(await db.captures.count()).toBe(0);
    expect(await countPending(db)).toBe(0);
    expect(await ensureDeviceId(db)).toBe(deviceId);
  });

  it('sign out keeps everything when the server cannot be reached, and says why', async () => {
    const db = fresh();
    const deviceId = await ensureDeviceId(db);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_t_secret', deviceId, userId: 'u1' });
    await db.captures.add(makeCapture());
    const { api } = fakeApi({ signOut: vi.fn(async () => { throw new ApiError(0, 'network', 'offline'); }) as ApiClient['signOut'] });
    render(<App {...deps(db, { api })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out…' }));
    fireEvent.click(await screen.findByRole('radio', { name: /Remove it/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out and remove library' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Can’t reach the server. Check the address and your connection, then try again.'));
    expect(await readSyncAuth(db)).not.toBeNull();
    expect(await db.captures.count()).toBe(1);
  });

  it('shows changes the server refused under the sync status; download keeps them, dismiss forgets them', async () => {
    const db = fresh();
    const deviceId = await ensureDeviceId(db);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_t_secret', deviceId, userId: 'u1' });
    await db.rejected.bulkPut([
      { mutationId: 'r1', seq: 3, name: 'createCapture', args: { id: 'c1', scopeId: 'team:t1', author: { name: 'Ada' }, text: 'Ship small' }, scopeId: 'team:t1', status: 'gone', code: null, at: 2 },
      { mutationId: 'r2', seq: 4, name: 'addTag', args: { captureId: 'c1', tag: 'ai' }, scopeId: null, status: 'rejected', code: 'forbidden', at: 1 },
    ]);
    const { api } = fakeApi({
      me: vi.fn(async () => ({ user: { id: 'u1', email: 'ada@example.org', displayName: 'Ada' }, deviceId, teams: [{ teamId: 't1', name: 'Platform', role: 'viewer' }], scopes: [] })) as unknown as ApiClient['me'],
    });
    const download = vi.fn();
    render(<App {...deps(db, { api, download })} />);
    const section = await screen.findByRole('region', { name: 'Changes the server did not accept (2)' });
    expect(screen.getByTestId('sync-status').nextElementSibling).toBe(section);
    expect(section.textContent).toContain('Ada: “Ship small”');
    await waitFor(() => expect(section.textContent).toContain('in team Platform'));
    fireEvent.click(screen.getByRole('button', { name: 'Download as JSON' }));
    expect(download).toHaveBeenCalledWith(expect.any(Blob), expect.stringMatching(/^satchel-refused-changes-\d{4}-\d\d-\d\d\.json$/));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss “Added tag ai”' }));
    await screen.findByRole('region', { name: 'Changes the server did not accept (1)' });
    expect((await db.rejected.toArray()).map((r) => r.mutationId)).toEqual(['r1']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
    await waitFor(() => expect(screen.queryByTestId('refused-changes')).toBeNull());
    expect(await db.rejected.count()).toBe(0);
  });

  it('does not show refused changes before sign-in', async () => {
    const db = fresh();
    await db.rejected.put({ mutationId: 'r1', seq: 1, name: 'deleteCapture', args: { id: 'c1' }, scopeId: null, status: 'not_found', code: null, at: 1 });
    render(<App {...deps(db)} />);
    await screen.findByLabelText('Server address');
    // Let the live queries answer (and the page settle) before checking that nothing appeared.
    await new Promise((r) => setTimeout(r, 150));
    expect(screen.queryByTestId('refused-changes')).toBeNull();
  });

  it('a session ended on the server (401) offers to sign in again, keeping the outbox', async () => {
    const db = fresh();
    const deviceId = await ensureDeviceId(db);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_old', deviceId, userId: 'u1' });
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a1', name: 'createCapture', args: {}, clientTs: 1 });
    const { api } = fakeApi({ me: vi.fn(async () => { throw new ApiError(401, 'unauthorized', 'revoked'); }) as ApiClient['me'] });
    render(<App {...deps(db, { api })} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Your sign-in on this browser has ended.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Sign in' })[0]!);
    await screen.findByRole('heading', { name: 'Your account' });
    expect(await readSyncAuth(db)).toBeNull();
    expect(await countPending(db)).toBe(1);
  });

  it('issue 12: a server outage keeps the signed-in account, devices and teams (last known, marked), never the sign-in form; Retry brings it back', async () => {
    const db = fresh();
    const deviceId = await ensureDeviceId(db);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_t', deviceId, userId: 'u1' });
    let up = true;
    const down = () => { throw new ApiError(0, 'network', 'fetch failed'); };
    const me = vi.fn(async () => (up ? { user: { id: 'u1', email: 'ada@example.org', displayName: 'Ada' }, deviceId, teams: [{ teamId: 't1', name: 'L&D Guild', role: 'owner' as const, memberCount: 2 }], scopes: [] } : down()));
    const devices = vi.fn(async () => (up ? { devices: [{ deviceId, name: 'Chrome on Linux', createdAt: 1, lastSeenAt: 2, revokedAt: null, current: true }] } : down()));
    const { api } = fakeApi({ me: me as unknown as ApiClient['me'], devices: devices as unknown as ApiClient['devices'] });
    const syncNow = vi.fn();
    // First visit: the server answers; the profile is kept on the device.
    render(<App {...deps(db, { api, syncNow })} />);
    await screen.findByText('ada@example.org');
    cleanup();
    // The server goes down; the page is opened again.
    up = false;
    render(<App {...deps(db, { api, syncNow })} />);
    await screen.findByText('ada@example.org');
    expect(screen.getByRole('heading', { name: 'Signed in' })).toBeTruthy();
    expect(screen.getByTestId('devices').textContent).toContain('Chrome on Linux');
    expect(document.body.textContent).toContain('L&D Guild');
    expect(screen.getByTestId('profile-stale').textContent).toMatch(/^Last loaded from the server .+; it may be out of date until the server answers\.$/);
    const status = screen.getByTestId('sync-status');
    expect(status.getAttribute('data-kind')).toBe('unreachable');
    expect(status.textContent).toContain("Can't reach your Satchel server");
    expect(status.textContent).not.toContain('Offline');
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
    // The server is back: Retry asks the background to sync and reloads the account.
    up = true;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(syncNow).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByTestId('profile-stale')).toBeNull());
    expect(screen.getByTestId('sync-status').getAttribute('data-kind')).not.toBe('unreachable');
  });

  it('issue 12: the connect check asks the client to give up after 8 s, and says so when it does', async () => {
    const db = fresh();
    const timeouts: Array<number | undefined> = [];
    const { client } = fakeApi({ health: vi.fn(async () => { throw new ApiError(0, 'timeout', 'no answer in 8 s'); }) as ApiClient['health'] });
    const api = vi.fn((_u: string, _t?: string, timeoutMs?: number) => (timeouts.push(timeoutMs), client));
    render(<App {...deps(db, { api })} />);
    await connect('https://slow.example.org');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('No Satchel server answered at https://slow.example.org within 8 s. Check the address, or try again when the server is up.'));
    expect(timeouts).toEqual([8_000]);
  });

  it('issue 12 (red team): ftp:// is named as not supported; a repeated refusal focuses the field again, marked invalid', async () => {
    const db = fresh();
    const request = vi.fn(async () => ({ granted: true, error: null }));
    render(<App {...deps(db, { permissions: { request, has: async () => false } })} />);
    await connect('ftp://example.com');
    expect((await screen.findByRole('alert')).textContent).toBe('Satchel servers are reached over https:// (ftp:// is not supported).');
    await connect('not a url');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^That is not a web address/));
    // The same refusal again, pressed from the button: the words do not change, focus still goes to the field.
    const input = screen.getByLabelText('Server address');
    fireEvent.input(input, { target: { value: 'http://' } });
    screen.getByRole('button', { name: 'Connect' }).focus();
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('server-error');
    expect(request).not.toHaveBeenCalled();
  });

  it('issue 12 (red team): a local server typed without a scheme is plain http', async () => {
    const db = fresh();
    const request = vi.fn(async () => ({ granted: true, error: null }));
    render(<App {...deps(db, { permissions: { request, has: async () => false } })} />);
    await connect('localhost:8787');
    expect(request).toHaveBeenCalledWith('http://localhost:8787');
    await screen.findByRole('heading', { name: 'Your account' });
    expect(await readServerUrl(db)).toBe('http://localhost:8787');
  });

  it('issue 12 (red team): a permission request nobody answers ends the wait with words; a late Allow still connects', async () => {
    const db = fresh();
    let answer: (v: { granted: boolean; error: null }) => void = () => undefined;
    const request = vi.fn(() => new Promise<{ granted: boolean; error: null }>((r) => { answer = r; }));
    const { api, client } = fakeApi();
    render(<App {...deps(db, { api, connectTimeoutMs: 50, permissions: { request, has: async () => false } })} />);
    await connect('https://satchel.example.org');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(
      'The browser did not answer the request to reach https://satchel.example.org. If its prompt is open, choose Allow there; otherwise press Connect again.',
    ), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Server address')));
    expect(client.health).not.toHaveBeenCalled();
    answer({ granted: true, error: null });
    await screen.findByRole('heading', { name: 'Your account' });
    expect(await readServerUrl(db)).toBe('https://satchel.example.org');
  });

  it('issue 12: an outage with nothing known yet says the details come when the server answers', async () => {
    const db = fresh();
    const deviceId = await ensureDeviceId(db);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_t', deviceId, userId: 'u1' });
    const { api } = fakeApi({ me: vi.fn(async () => { throw new ApiError(503, null, 'HTTP 503'); }) as ApiClient['me'] });
    render(<App {...deps(db, { api })} />);
    await screen.findByText('Your account details appear here when the server answers.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });
});
