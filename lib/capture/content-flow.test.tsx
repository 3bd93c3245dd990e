// @vitest-environment jsdom
/**
 * The whole content-side flow with the real UI mount (entrypoints/content/save-button-ui.tsx) over
 * a fake adapter: real shadow hosts, real buttons, real panel. It lives here because vitest only
 * collects lib/, components/ and tests/; only tests may import entrypoints (docs/architecture.md 6.2).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startCapture } from './controller';
import { createMountControl } from '../../entrypoints/content/mount-control';
import { controlUi } from '../../entrypoints/content/control-ui';
import { flush, makeFakeAdapter, makeFakeSend, postsHtml } from './test-helpers';

const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const t = (key: string, subs: string[] = []) => {
  const s = [...subs];
  return (messages[key]?.message ?? key).replace(/\$[A-Z_]+\$/g, () => s.shift() ?? '');
};

const acs: AbortController[] = [];
afterEach(() => {
  for (const ac of acs.splice(0)) ac.abort();
  document.body.innerHTML = '';
});

function start(html: string, fs = makeFakeSend()) {
  document.body.innerHTML = `<main id="feed">${html}</main>`;
  const ac = new AbortController();
  acs.push(ac);
  const ctrl = startCapture({
    pickAdapter: () => makeFakeAdapter(),
    document,
    url: () => 'https://fake.test/home',
    send: fs.send,
    mount: createMountControl(t, async () => controlUi),
    panelEdits: () => controlUi.panelEdits,
    signal: ac.signal,
    t,
    schedule: queueMicrotask,
    statusDelayMs: 0,
  });
  const host = (id: string) => document.querySelector(`satchel-save[data-post-id="${id}"]`)!;
  const button = (id: string) => host(id).shadowRoot!.querySelector<HTMLButtonElement>('button.satchel-btn')!;
  return { ctrl, fs, ac, host, button };
}

describe('content flow with the real UI', () => {
  it('renders one shadow-hosted, named button per post', async () => {
    start(postsHtml(5));
    await flush();
    const hosts = document.querySelectorAll('satchel-save');
    expect(hosts).toHaveLength(5);
    for (const h of hosts) {
      expect(h.shadowRoot).not.toBeNull();
      const b = h.shadowRoot!.querySelector('button')!;
      expect(b.getAttribute('aria-label')).toBe('Save to Satchel');
      expect(h.shadowRoot!.querySelector('style')!.textContent).toBeDefined();
    }
  });

  it('click saves, shows Saved and the panel; Esc closes it and returns focus to the button', async () => {
    const { button, host, fs } = start(postsHtml(2));
    await flush();
    button('1').click();
    await flush();
    await flush();
    expect(button('1').getAttribute('aria-label')).toBe('Saved in Satchel');
    expect(host('1').getAttribute('data-state')).toBe('saved');
    expect(host('2').getAttribute('data-state')).toBe('save');
    const panel = host('1').shadowRoot!.querySelector('[role="dialog"]')!;
    expect(panel.getAttribute('aria-label')).toBe('Saved in Satchel');
    const tip = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Tip to try')!;
    tip.click();
    await flush();
    expect(fs.sent.some((m) => m.type === 'capture/update' && m.patch.intent === 'tip')).toBe(true);
    fireEvent.keyDown(panel, { key: 'Escape' });
    await flush();
    expect(host('1').shadowRoot!.querySelector('[role="dialog"]')).toBeNull();
    expect(host('1').shadowRoot!.activeElement).toBe(button('1'));
  });

  it('Escape on the Save button closes the panel a mouse click opened (focus stays on the button)', async () => {
    const { button, host } = start(postsHtml(1));
    await flush();
    button('1').click();
    await flush();
    await flush();
    expect(host('1').shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();
    button('1').focus();
    fireEvent.keyDown(button('1'), { key: 'Escape' });
    await flush();
    expect(host('1').shadowRoot!.querySelector('[role="dialog"]')).toBeNull();
    expect(host('1').shadowRoot!.activeElement).toBe(button('1'));
  });

  it("keeps the page from seeing the control's clicks and keys", async () => {
    const { button } = start(postsHtml(1));
    await flush();
    let pageSaw = 0;
    document.querySelector('article')!.addEventListener('click', () => pageSaw++);
    document.addEventListener('keydown', () => pageSaw++);
    button('1').click();
    fireEvent.keyDown(button('1'), { key: 'l' });
    expect(pageSaw).toBe(0);
  });

  it('a failed save shows the reason; the panel retry saves', async () => {
    const { button, host } = start('<article data-id="8"><div class="actions"></div></article>');
    await flush();
    button('8').click();
    await flush();
    expect(button('8').getAttribute('aria-label')).toBe('Saving to Satchel failed, retry');
    const alert = host('8').shadowRoot!.querySelector('[role="alert"]')!;
    // The learner's sentence for the part that could not be read, never the ExtractError (selector names).
    expect(alert.textContent).toBe("Satchel couldn't read what this post says. X may have changed its page. To help us fix it, click the Satchel button in your browser's toolbar and choose Report this page.");
    document.querySelector('article')!.insertAdjacentHTML('afterbegin', '<p class="text">fixed</p>');
    const retry = [...host('8').shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    retry.click();
    await flush();
    await flush();
    expect(button('8').getAttribute('aria-label')).toBe('Saved in Satchel');
  });

  it('a recycled element keeps one host whose data-post-id follows the post', async () => {
    start(postsHtml(1));
    await flush();
    const art = document.querySelector('article')!;
    art.setAttribute('data-id', '99');
    await flush();
    const hosts = document.querySelectorAll('satchel-save');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.getAttribute('data-post-id')).toBe('99');
  });

  it('invalidation removes every host', async () => {
    const { ac } = start(postsHtml(4));
    await flush();
    ac.abort();
    expect(document.querySelectorAll('satchel-save')).toHaveLength(0);
  });
});
