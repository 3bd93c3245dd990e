/**
 * The `<satchel-save>` host of every Save control, and the tests on DOM change records that let
 * the scan skip Satchel's own inserts and removals.
 */

/** Tag name of the light-DOM host of every Save control (upper case, as `Element.tagName` reports it). */
export const HOST_TAG = 'SATCHEL-SAVE';

/** True for an element node (`nodeType` 1): a cheap type guard for change records' nodes. */
export function isElement(n: Node): n is Element {
  return n.nodeType === 1;
}

/** True for a `<satchel-save>` host (ours or not); `nodeName` is the upper-case tag name of an element, `#text` etc. otherwise. */
export function isHost(n: Node): n is Element {
  return n.nodeName === HOST_TAG;
}

/** True when every node is a host. */
export function isOnlyHosts(nodes: NodeList): boolean {
  for (const n of nodes) if (!isHost(n)) return false;
  return true;
}

/** True when every removed node is a host we unmounted ourselves (no longer `owned`); cheap for the usual empty list. */
export function removedOnlyOurUnmounts(nodes: NodeList, owned: (host: Element) => boolean): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (!isHost(n) || owned(n)) return false;
  }
  return true;
}

/** A child-list change that removed at least one element (hosts we just unmounted are ignored upstream). */
export function removedElements(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  for (const n of r.removedNodes) if (isElement(n)) return true;
  return false;
}

/** A change that may have put a `<satchel-save>` we do not own on the page (e.g. a cloned post). */
export function mayHoldForeignHost(r: MutationRecord, owned: (host: Element) => boolean): boolean {
  if (r.type !== 'childList') return false;
  for (const n of r.addedNodes) {
    if (isHost(n)) {
      if (!owned(n)) return true;
    } else if (isElement(n) && n.querySelector('satchel-save') !== null) return true;
  }
  return false;
}
