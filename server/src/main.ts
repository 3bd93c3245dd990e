/**
 * Composition root: read env → open and migrate the store → serve (the only file that listens).
 * `npm run server` from the repository root.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { openStore } from './db/open-store';
import { gcTombstones } from './sync/gc';

const config = readConfig();
const store = openStore(config.databaseUrl);
const applied = await store.migrate();
const app = createApp({ store, config });
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
  server.close(() => void store.close().then(() => process.exit(0)));
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
