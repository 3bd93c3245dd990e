import { z } from 'zod';
import { storable } from './storable';
import { ScopeId } from './capture';

/**
 * A personal (later: team) collection a learner files captures into (docs/sync-protocol.md 3.2 `Collection`,
 * client fields). Membership is the capture's `collectionIds`; a capture can sit in several.
 */
export const Collection = z.strictObject({
  /** UUIDv7, client-generated. */
  id: z.uuid(),
  scopeId: ScopeId,
  /** Display name, trimmed, 1–200 characters. */
  name: storable().min(1).max(200),
  /** True for the scope's default "Inbox" that fresh saves go to (one per scope). */
  inbox: z.boolean(),
  /** epoch ms, client clock */
  createdAt: z.number().int(),
  /** epoch ms, client clock */
  updatedAt: z.number().int(),
  /** epoch ms; tombstone. Deleting a collection keeps its captures. */
  deletedAt: z.number().int().nullable(),
});
export type Collection = z.infer<typeof Collection>;

/** Longest collection name (docs/sync-protocol.md 3.2). */
export const MAX_COLLECTION_NAME = 200;
