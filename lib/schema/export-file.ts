import { z } from 'zod';
import { Capture } from './capture';
import { Collection } from './collection';

/** Current version of the Satchel JSON export format. */
export const EXPORT_VERSION = 1;

/**
 * A Satchel JSON export, version 1: lossless (every stored field of each capture, including
 * note, reflection, tags, collection ids, times and follow-up answers) plus the collections the
 * captures refer to. Produced by lib/export `exportJson`, validated on import by
 * lib/export `parseSatchelJson`. Strict: unknown keys are refused, so a typo never loses data
 * silently.
 */
export const SatchelExport = z.strictObject({
  format: z.literal('satchel'),
  version: z.literal(EXPORT_VERSION),
  /** ISO 8601 UTC time of the export. */
  exportedAt: z.iso.datetime(),
  captures: z.array(Capture),
  collections: z.array(Collection),
});
export type SatchelExport = z.infer<typeof SatchelExport>;
