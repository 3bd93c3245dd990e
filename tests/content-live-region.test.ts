// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { createMountControl } from '../entrypoints/content/mount-control';
import { controlUi } from '../entrypoints/content/control-ui';
import { backdropOf, luminance, parseRgb } from '../entrypoints/content/backdrop';
import type { ControlView, SaveStatus } from '../lib/capture/types';

// Issue 12: "Saved in Satchel" stayed in the live region for about 45 ms before the Preact UI
// replaced it; and the Saved colour followed the system theme instead of the site's background.

const STRINGS: Record<string, string> = {
  saveButtonSave: 'Save to Satchel', saveButtonSaving: 'Saving to Satchel', saveButtonSaved: 'Saved in Satchel', saveButtonFailed: 'Not saved',
  saveButtonTextSave: 'Save', saveButtonTextSaving: 'Saving…', saveButtonTextSaved: 'Saved', saveButtonTextFailed: 'Retry',
};
const t = (k: string) => STRINGS[k] ?? k;
const actions = { activate: () => {}, closePanel: () => {}, update: () => {}, createCollection: () => {}, saveThread: () => {} };
const PANEL: NonNullable<ControlView['panel']> = { intent: null, tags: [], note: '', collectionIds: [], recentTags: [], recentCollections: [], truncated: false, siteName: 'X', thread: 'none', error: null, focus: false };
const view = (status: SaveStatus, panel = false): ControlView => ({ postId: '1', key: 'x:1', status, error: null, panel: panel ? PANEL : null });

afterEach(() => {
  document.body.replaceChildren();
});

/** Mounts a control in a row with `background`; the UI loads when the test resolves `load`. */
function mountIn(background: string) {
  const row = document.createElement('div');
  row.style.backgroundColor = background;
  const anchor = document.createElement('span');
  row.append(anchor);
  document.body.append(row);
  let release: () => void = () => {};
  const loaded = new Promise<void>((r) => (release = r));
  const mount = createMountControl(t, async () => {
    await loaded;
    return controlUi;
  });
  return { ui: mount(anchor, view('save'), actions), release };
}

describe('the control\'s live region (issue 12)', () => {
  it('keeps "Saved in Satchel" when the panel UI takes over, in one region that stays', async () => {
    const { ui, release } = mountIn('rgb(255, 255, 255)');
    const shadow = ui.host.shadowRoot!;
    ui.host.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    const region = shadow.querySelector('[role="status"]')!;
    expect(region.textContent).toBe('');
    ui.update(view('saving'));
    ui.update(view('saved', true));
    expect(region.textContent).toBe('Saved in Satchel');
    release();
    await expect.poll(() => shadow.querySelector('[role="dialog"]')).not.toBeNull();
    expect(region.isConnected).toBe(true);
    expect(shadow.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(region.textContent).toBe('Saved in Satchel');
    // A later save made with the Preact UI is announced in the same region.
    ui.update(view('saving', true));
    ui.update({ ...view('failed', true), error: 'Network down' });
    await expect.poll(() => region.textContent).toBe('Not saved. Network down');
    ui.unmount();
  });
});

describe('the Saved palette follows the background under the control (issue 12)', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(244, 242, 238)', 'light'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgb(21, 32, 43)', 'dark'],
  ])('on %s the host gets data-bg=%s once saved', (bg, expected) => {
    const { ui } = mountIn(bg);
    expect(ui.host.hasAttribute('data-bg')).toBe(false); // nothing read for a control not saved
    ui.update(view('saving'));
    ui.update(view('saved'));
    expect(ui.host.getAttribute('data-bg')).toBe(expected);
    ui.unmount();
  });

  it('looks through transparent and half-transparent boxes to the nearest opaque one', () => {
    const page = document.createElement('div');
    page.style.backgroundColor = 'rgb(0, 0, 0)';
    const card = document.createElement('div');
    card.style.backgroundColor = 'rgba(255, 255, 255, 0.2)';
    const leaf = document.createElement('span');
    card.append(leaf);
    page.append(card);
    document.body.append(page);
    expect(backdropOf(leaf)).toBe('dark');
    card.style.backgroundColor = 'rgba(255, 255, 255, 0.9)';
    expect(backdropOf(leaf)).toBe('light');
    page.style.backgroundColor = 'transparent';
    card.style.backgroundColor = 'transparent';
    expect(backdropOf(leaf)).toBe('light'); // the canvas
  });

  it('parses computed colours and computes WCAG luminance', () => {
    expect(parseRgb('rgb(1, 2, 3)')).toEqual([1, 2, 3, 1]);
    expect(parseRgb('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3, 0.5]);
    expect(parseRgb('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3, 0.5]);
    expect(parseRgb('color(srgb 1 0 0)')).toBeNull();
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([0, 0, 0])).toBe(0);
  });
});
