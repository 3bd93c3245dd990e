/** Kept for importers: the client sync store lives in lib/db/sync/ (one file per step; lib/db/sync/store.ts). */
export * from './sync/store';
