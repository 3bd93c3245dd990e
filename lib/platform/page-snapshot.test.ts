// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { snapshotPage, SNAPSHOT_META } from './page-snapshot';

describe('snapshotPage (runs in the page)', () => {
  it('reads title, lang, canonical, OG meta, selection and link text', () => {
    document.documentElement.lang = 'fr';
    document.head.innerHTML = `<title>Le titre</title>
      <meta property="og:title" content="OG">
      <meta name="description" content="Desc">
      <meta name="viewport" content="width=device-width">
      <link rel="canonical" href="https://e.org/c">`;
    document.body.innerHTML = '<p id="p">Bonjour le monde</p><a href="https://other.org/x"> Lien  utile </a>';
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const s = snapshotPage('https://other.org/x', [...SNAPSHOT_META]);
    expect(s).toMatchObject({ title: 'Le titre', lang: 'fr', canonical: 'https://e.org/c', meta: { 'og:title': 'OG', description: 'Desc' }, linkText: 'Lien utile', selection: 'Bonjour le monde' });
    expect(s.meta).not.toHaveProperty('viewport');
    // Plain data only: survives structured cloning across the scripting boundary.
    expect(structuredClone(s)).toEqual(s);
  });

  it('is self-contained (no references to module scope), so executeScript can serialise it', () => {
    const src = snapshotPage.toString();
    expect(src).not.toMatch(/SNAPSHOT_META|import|require\(/);
  });
});
