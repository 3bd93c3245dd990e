/** Id schemas shared by every wire module (lib/schema/sync.ts, discussion.ts, synced-entities.ts). */
import { z } from 'zod';

/** RFC 9562 version-7 UUID (client-generated id). The embedded time is never checked (clock skew, C8). */
export const Uuid7 = z.uuidv7();
