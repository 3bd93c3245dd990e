// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { render } from 'preact';
import { SaveButton } from '../components/SaveButton';
import { ensureLiveRegion, paintStaticControl, staticControlMarkup } from '../entrypoints/content/static-button';
import type { ControlView, SaveStatus } from '../lib/capture/types';

const STRINGS: Record<string, string> = {
  saveButtonSave: 'Save to Satchel', saveButtonSaving: 'Saving to Satchel', saveButtonSaved: 'Saved in Satchel', saveButtonFailed: 'Not saved',
  saveButtonTextSave: 'Save', saveButtonTextSaving: 'Saving…', saveButtonTextSaved: 'Saved', saveButtonTextFailed: 'Retry',
};
const t = (k: string) => STRINGS[k] ?? k;

/** Serialises a tree with sorted attributes, without the live region's text (announcements differ by history). */
function canon(n: Node): string {
  if (n.nodeType === 3) return n.parentElement?.classList.contains('satchel-sr') ? '' : (n.textContent ?? '');
  if (n.nodeType !== 1) return '';
  const el = n as Element;
  const attrs = [...el.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
  return `<${el.localName} ${attrs}>${[...el.childNodes].map(canon).join('')}</${el.localName}>`;
}

const view = (status: SaveStatus, error: string | null = null): ControlView => ({ postId: '1', key: 'x:1', status, error, panel: null });

function viaPreact(status: SaveStatus, error: string | null): HTMLElement {
  const box = document.createElement('div');
  render(<SaveButton status={status} error={error} expanded={false} onActivate={() => {}} t={t} />, box);
  return box;
}

/** A box holding the static control as mounted: one cloned button. */
function staticBox(): HTMLElement {
  const box = document.createElement('div');
  box.append(staticControlMarkup(document, t).cloneNode(true));
  return box;
}

describe('content control static paint (no Preact in the content script)', () => {
  it('the initial markup is one button with its text; with its live region it equals <SaveButton status="save">', () => {
    const box = staticBox();
    expect(box.childNodes).toHaveLength(1);
    const btn = box.querySelector('button')!;
    expect(btn.childNodes).toHaveLength(1);
    expect(btn.firstChild!.nodeType).toBe(3);
    expect(btn.getAttribute('aria-label')).toBe('Save to Satchel');
    expect(btn.textContent).toBe('Save');
    ensureLiveRegion(box);
    ensureLiveRegion(box); // once only
    expect(canon(box)).toBe(canon(viaPreact('save', null)));
  });

  const cases: Array<[SaveStatus, string | null]> = [['saving', null], ['saved', null], ['failed', 'Network down'], ['save', null]];
  it.each(cases)('painting state %s gives what SaveButton renders', (status, error) => {
    const box = staticBox();
    paintStaticControl(box, view('saving'), 'save', t);
    paintStaticControl(box, view(status, error), 'saving', t);
    expect(canon(box)).toBe(canon(viaPreact(status, error)));
  });

  it('announces a finished save and a failure in the live region, not a state learnt on load', () => {
    const box = staticBox();
    const sr = () => box.querySelector('.satchel-sr')?.textContent ?? null;
    paintStaticControl(box, view('saved'), 'save', t);
    expect(sr()).toBeNull();
    paintStaticControl(box, view('saving'), 'saved', t);
    expect(sr()).toBe(''); // the region exists before the save finishes
    paintStaticControl(box, view('saved'), 'saving', t);
    expect(sr()).toBe('Saved in Satchel');
    paintStaticControl(box, view('failed', 'Quota exceeded'), 'saving', t);
    expect(sr()).toBe('Not saved. Quota exceeded');
  });

  it('keeps translated strings as text, never markup', () => {
    const btn = staticControlMarkup(document, () => 'a"<b>&');
    expect(btn.getAttribute('aria-label')).toBe('a"<b>&');
    expect(btn.textContent).toBe('a"<b>&');
    expect(btn.querySelector('b')).toBeNull();
  });
});

describe('content control: the panel bundle fails to load', () => {
  it('keeps the saved state and says on the control that the panel could not open', async () => {
    const { createMountControl } = await import('../entrypoints/content/mount-control');
    const strings: Record<string, string> = { ...STRINGS, panelLoadFailed: 'The save panel could not open; click to try again.' };
    const tt = (k: string) => strings[k] ?? k;
    const logged: string[] = [];
    const mount = createMountControl(tt, async () => { throw new Error('tab closed'); }, (m) => logged.push(m));
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const actions = { activate: () => {}, closePanel: () => {}, update: () => {}, createCollection: () => {}, saveThread: () => {} };
    const ui = mount(anchor, view('save'), actions);
    ui.update({ ...view('saved'), panel: { intent: null, tags: [], note: '', collectionIds: [], recentTags: [], recentCollections: [], truncated: false, siteName: 'X', thread: 'none', error: null, focus: false } });
    await new Promise((r) => setTimeout(r, 0));
    const btn = ui.host.shadowRoot!.querySelector('button')!;
    expect(btn.className).toContain('is-saved');
    expect(btn.getAttribute('aria-description')).toBe('The save panel could not open; click to try again. tab closed');
    expect(logged).toEqual(['control UI failed to load']);
    ui.unmount();
    anchor.remove();
  });
});
