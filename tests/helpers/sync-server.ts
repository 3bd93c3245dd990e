import { createApp, testConfig } from '../../server/src/app';
import { freshStore, type TestStore } from '../../server/test/harness';
import type { Fetch } from '../../lib/sync/transport';

/** The address the extension-side sync tests use (http is allowed for 127.0.0.1). */
export const TEST_SERVER_URL = 'http://127.0.0.1:8787';

/** The real server app on a fresh SQLite store, reached through `app.request()` (no port). */
export interface TestSyncServer {
  /** `fetch` as lib/sync uses it, answered by the app. */
  fetch: Fetch;
  url: string;
  store: TestStore;
  /** A restarted server: a new app instance on the same database. */
  restart(): void;
  cleanup(): Promise<void>;
}

/** Starts {@link TestSyncServer}. Request logs are dropped. */
export async function startTestSyncServer(): Promise<TestSyncServer> {
  const store = await freshStore('sqlite');
  let app = createApp({ store: store.store, config: testConfig(), log: () => {} });
  const fetch: Fetch = async (url, init) => {
    const res = await app.request(url, init);
    return { status: res.status, headers: res.headers, text: () => res.text() };
  };
  return {
    fetch,
    url: TEST_SERVER_URL,
    store,
    restart: () => {
      app = createApp({ store: store.reopen(), config: testConfig(), log: () => {} });
    },
    cleanup: () => store.cleanup(),
  };
}
