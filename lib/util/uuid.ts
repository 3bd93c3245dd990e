import { uuidv7 } from 'uuidv7';

/**
 * A new RFC 9562 version-7 UUID as a lowercase string (`xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx`).
 * Client-generated ids for synced rows (docs/architecture.md 6.4): unique across devices, roughly
 * time-ordered within one device. Never used for ordering across devices (docs/sync-protocol.md 3.2).
 */
export function newId(): string {
  return uuidv7();
}
