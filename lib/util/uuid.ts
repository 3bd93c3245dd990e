import { uuidv7 } from 'uuidv7';

/**
 * A new RFC 9562 version-7 UUID as a lowercase string (`xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx`).
 * Client-generated ids for synced rows (docs/architecture.md 6.4): unique across devices, roughly
 * time-ordered within one device. Never used for ordering across devices (docs/sync-protocol.md 3.2).
 */
export function newId(): string {
  return uuidv7();
}

/**
 * Epoch ms stamped in a UUIDv7 (its first 48 bits), or null when `id` is not a version-7 UUID.
 * The stamp is the making device's clock: an approximate "when", not an order across devices.
 */
export function uuidTime(id: string): number | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) return null;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
