/**
 * The client address the per-address rate limits count (docs/sync-protocol.md 4 "Limits").
 *
 * Behind `hops` trusted proxies that each append the address they saw to `X-Forwarded-For`, the
 * entries a caller cannot forge are the last `hops`; the client is the entry `hops` places from the
 * right. With fewer entries than hops (a request that came in through fewer proxies) the leftmost
 * entry is used: every entry present was then appended by a proxy. The leftmost entry is never
 * trusted by itself, and a value that is not an IP address (garbage, `unknown`, an obfuscated
 * name) falls back to the socket peer, so inventing values cannot buy fresh budgets.
 *
 * Addresses are keyed so one holder cannot multiply its budget: IPv4-mapped IPv6 becomes the IPv4
 * address, and an IPv6 address counts as its /64 (one subscriber's usual allocation).
 */
import ipaddr from 'ipaddr.js';

/** Longest `X-Forwarded-For` read; longer headers are cut (the entries that matter are on the right). */
const MAX_XFF_CHARS = 4096;

/** Strips a port and IPv6 brackets: `1.2.3.4:80` → `1.2.3.4`, `[::1]:80` → `::1`. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4port ? v4port[1]! : entry;
}

/**
 * The rate-limit key of one address: IPv4 dotted, IPv6 as its /64 (`2001:db8:0:1::/64`), or null
 * when `raw` is not an IP address.
 */
export function addressKey(raw: string): string | null {
  const s = stripPort(raw.trim().replace(/^"|"$/g, ''));
  if (!ipaddr.isValid(s)) return null;
  let a = ipaddr.parse(s);
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) a = (a as ipaddr.IPv6).toIPv4Address();
  if (a.kind() === 'ipv4') return a.toString();
  const parts = (a as ipaddr.IPv6).parts.slice(0, 4);
  return `${ipaddr.IPv6.parse(`${parts.map((p) => p.toString(16)).join(':')}::`).toString()}/64`;
}

/**
 * The client address key for a request.
 * @param xff the `X-Forwarded-For` header, if any
 * @param peer the socket peer address (`unknown` when there is none, as in `app.request()` tests)
 * @param hops trusted proxies in front of the server; 0 ignores `X-Forwarded-For`
 * @returns an {@link addressKey}, or `peer` as given when it is not an address. Never throws.
 */
export function clientAddress(xff: string | undefined, peer: string, hops: number): string {
  const fromPeer = addressKey(peer) ?? peer;
  if (hops <= 0 || !xff) return fromPeer;
  const entries = xff.slice(-MAX_XFF_CHARS).split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return fromPeer;
  const chosen = entries[entries.length - hops] ?? entries[0]!;
  return addressKey(chosen) ?? fromPeer;
}
