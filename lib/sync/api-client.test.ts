import { describe, it, expect } from 'vitest';
import { ApiError, apiClient } from './api-client';

// Issue 12: the connect check gives up after ~8 s and says so (a timeout is told apart from "no answer").

/** A fetch that never answers until its signal aborts (like a server that accepts and stays silent). */
const silent = (_url: string, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));

describe('apiClient timeout', () => {
  it('rejects with ApiError(0, "timeout") after timeoutMs', async () => {
    const c = apiClient({ serverUrl: 'https://s.example', fetch: silent, timeoutMs: 50 });
    const e = await c.health().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 0, code: 'timeout' });
    expect((e as ApiError).message).toMatch(/within 0 s|within \d+ s/);
  });
  it('a refused connection stays "network"', async () => {
    const c = apiClient({ serverUrl: 'https://s.example', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(c.health()).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
