// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { isElement, isHost, isOnlyHosts, mayHoldForeignHost, removedElements, removedOnlyOurUnmounts } from './host';

/** Records of the changes `fn` makes under a fresh root. */
async function recordsOf(root: Element, fn: () => void): Promise<MutationRecord[]> {
  const out: MutationRecord[] = [];
  const mo = new MutationObserver((r) => out.push(...r));
  mo.observe(root, { childList: true, subtree: true });
  fn();
  await Promise.resolve();
  out.push(...mo.takeRecords());
  mo.disconnect();
  return out;
}

describe('host records', () => {
  it('tells hosts from other nodes', async () => {
    const root = document.createElement('div');
    const ours = document.createElement('satchel-save');
    const [added] = await recordsOf(root, () => root.append(ours));
    expect(isHost(ours)).toBe(true);
    expect(isOnlyHosts(added!.addedNodes)).toBe(true);
    expect(mayHoldForeignHost(added!, (h) => h === ours)).toBe(false);
    expect(mayHoldForeignHost(added!, () => false)).toBe(true);
    const [removed] = await recordsOf(root, () => ours.remove());
    expect(removedElements(removed!)).toBe(true);
    expect(removedOnlyOurUnmounts(removed!.removedNodes, () => false)).toBe(true);
    expect(removedOnlyOurUnmounts(removed!.removedNodes, (h) => h === ours)).toBe(false);
  });

  it('isHost and isElement are false for text, comments and the document', () => {
    for (const n of [document.createTextNode('satchel-save'), document.createComment('SATCHEL-SAVE'), document, document.createDocumentFragment()]) {
      expect(isHost(n)).toBe(false);
      expect(isElement(n)).toBe(false);
    }
    expect(isElement(document.createElement('satchel-save'))).toBe(true);
    expect(isHost(document.createElement('div'))).toBe(false);
  });

  it('finds a foreign host inside an added subtree (a cloned post)', async () => {
    const root = document.createElement('div');
    const post = document.createElement('article');
    post.append(document.createElement('satchel-save'));
    const [added] = await recordsOf(root, () => root.append(post));
    expect(isOnlyHosts(added!.addedNodes)).toBe(false);
    expect(mayHoldForeignHost(added!, () => false)).toBe(true);
  });
});
