/**
 * Composition root: read env → open and migrate the store → serve (the only file that listens).
 * `npm run server` from the repository root.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { openStore } from './db/open-store';
import { createLimiter } from './rate-limit';
import { gcTombstones } from './sync/gc';

const config = readConfig();
const store = openStore(config.databaseUrl);
const applied = await store.migrate();
const log = (e: Record<string, unknown>) => process.stdout.write(JSON.stringify(e) + '\n');
const limiter = createLimiter(config, store, { log });
// Wait (bounded) for a shared limiter store before listening, so the first sign-ins after a start
// are not refused while Redis connects. If it stays down, start anyway: each bucket then fails
// open or closed as docs/sync-protocol.md 4 "Limits" says, and the failure is logged.
await Promise.race([limiter.ready(), new Promise((r) => setTimeout(r, 5_000).unref())]).catch((e: unknown) =>
  log({ at: new Date().toISOString(), level: 'error', msg: 'rate-limit store not ready', error: (e as Error)?.name ?? 'unknown' }),
);
const app = createApp({ store, config, limiter, log });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  process.stdout.write(JSON.stringify({ at: new Date().toISOString(), msg: 'listening', store: store.kind, port: info.port, host: config.host, migrations: applied }) + '\n');
});

// Tombstone GC once an hour (docs/sync-protocol.md 3.10); safe on every replica (one write transaction).
const gc = setInterval(() => {
  gcTombstones(store, Date.now() - config.tombstoneRetentionMs).catch((e: unknown) =>
    process.stdout.write(JSON.stringify({ at: new Date().toISOString(), level: 'error', msg: 'gc failed', error: (e as Error).name }) + '\n'),
  );
}, 3_600_000);
gc.unref();

const stop = () => {
  server.close(() => void Promise.allSettled([limiter.close(), store.close()]).then(() => process.exit(0)));
};
// SIGUSR2: one `memory` line (bytes; after a full GC when node runs with --expose-gc), for the
// soak benchmark (bench/server-soak.ts) and for an operator watching a replica's footprint.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ at: new Date().toISOString(), msg: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external }) + '\n');
});
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
