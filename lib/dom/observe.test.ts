// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { observe, onDomChange } from './observe';

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('onDomChange', () => {
  it('batches many mutations into one call', async () => {
    const ac = new AbortController();
    let calls = 0;
    onDomChange(document.body, () => calls++, { signal: ac.signal, schedule: queueMicrotask });
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('div'));
    await flush();
    expect(calls).toBe(1);
    document.body.append(document.createElement('p'));
    await flush();
    expect(calls).toBe(2);
    ac.abort();
  });

  it('reports watched attribute changes but not others', async () => {
    const ac = new AbortController();
    const a = document.createElement('a');
    document.body.append(a);
    let calls = 0;
    onDomChange(document.body, () => calls++, { signal: ac.signal, schedule: queueMicrotask, attributes: ['href'] });
    a.setAttribute('style', 'color: red');
    await flush();
    expect(calls).toBe(0);
    a.setAttribute('href', '/status/2');
    await flush();
    expect(calls).toBe(1);
    ac.abort();
  });

  it('skips batches made only of ignored records', async () => {
    const ac = new AbortController();
    let calls = 0;
    onDomChange(document.body, () => calls++, {
      signal: ac.signal,
      schedule: queueMicrotask,
      ignore: (r) => [...r.addedNodes].every((n) => (n as Element).tagName === 'SATCHEL-SAVE'),
    });
    document.body.append(document.createElement('satchel-save'));
    await flush();
    expect(calls).toBe(0);
    document.body.append(document.createElement('div'));
    await flush();
    expect(calls).toBe(1);
    ac.abort();
  });

  it('with dropOwnChanges, drops what the callback itself changed but keeps every change of the page', async () => {
    const ac = new AbortController();
    const seen: string[][] = [];
    let scheduled: (() => void) | null = null;
    onDomChange(document.body, (records) => {
      seen.push(records.flatMap((r) => [...r.addedNodes].map((n) => (n as Element).localName)));
      document.body.append(document.createElement('satchel-save')); // the callback's own insert
    }, { signal: ac.signal, schedule: (cb) => { scheduled = cb; }, dropOwnChanges: true });
    document.body.append(document.createElement('div'));
    await flush(); // delivered to the observer; the run is scheduled, not yet done
    document.body.append(document.createElement('p')); // the page again, before the run: not delivered yet
    scheduled!();
    expect(seen).toEqual([['div', 'p']]);
    scheduled = null;
    await flush();
    expect(scheduled).toBeNull(); // the callback's own insert scheduled nothing
    document.body.append(document.createElement('span'));
    await flush();
    scheduled!();
    expect(seen).toEqual([['div', 'p'], ['span']]);
    ac.abort();
  });

  it('never calls back after abort', async () => {
    const ac = new AbortController();
    let calls = 0;
    onDomChange(document.body, () => calls++, { signal: ac.signal, schedule: queueMicrotask });
    document.body.append(document.createElement('div'));
    ac.abort();
    await flush();
    document.body.append(document.createElement('div'));
    await flush();
    expect(calls).toBe(0);
  });
});

describe('observe', () => {
  it('reports existing and later matching elements once each', async () => {
    const ac = new AbortController();
    document.body.innerHTML = '<article></article><article></article>';
    const seen: Element[] = [];
    observe('article', (el) => seen.push(el), { signal: ac.signal, schedule: queueMicrotask });
    expect(seen).toHaveLength(2);
    document.body.append(document.createElement('article'));
    document.body.append(document.createElement('div'));
    await flush();
    expect(seen).toHaveLength(3);
    ac.abort();
    document.body.append(document.createElement('article'));
    await flush();
    expect(seen).toHaveLength(3);
  });

  it('isolates a throwing callback to its element', async () => {
    const ac = new AbortController();
    document.body.innerHTML = '<article id="a"></article><article id="b"></article>';
    const seen: string[] = [];
    const warn = console.warn;
    console.warn = () => {};
    observe('article', (el) => { if (el.id === 'a') throw new Error('boom'); seen.push(el.id); }, { signal: ac.signal });
    console.warn = warn;
    expect(seen).toEqual(['b']);
    ac.abort();
  });
});
