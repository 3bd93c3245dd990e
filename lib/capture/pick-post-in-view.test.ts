// @vitest-environment jsdom
import { describe, it, expect, afterEach, vi } from 'vitest';
import { pickPostInView, visibleArea } from './pick-post-in-view';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function posts(rects: [number, number][]): Element[] {
  return rects.map(([top, bottom], i) => {
    const a = document.createElement('article');
    a.innerHTML = `<a href="#p${i}">link</a>`;
    a.getBoundingClientRect = () => ({ top, bottom, left: 0, right: 500, width: 500, height: bottom - top, x: 0, y: top, toJSON() {} });
    document.body.append(a);
    return a;
  });
}

describe('visibleArea', () => {
  it.each([
    [{ top: 0, bottom: 100, left: 0, right: 100 }, 10000],
    [{ top: -50, bottom: 50, left: 0, right: 100 }, 5000],
    [{ top: 900, bottom: 1000, left: 0, right: 100 }, 0],
    [{ top: 750, bottom: 900, left: -10, right: 100 }, 5000],
  ])('%o → %d', (r, area) => {
    expect(visibleArea(r, 1000, 800)).toBe(area);
  });
});

describe('pickPostInView', () => {
  it('prefers the post containing the focused element', () => {
    const ps = posts([[0, 400], [400, 800], [800, 1200]]);
    ps[2]!.querySelector('a')!.focus();
    expect(pickPostInView(ps, document)).toBe(ps[2]);
  });

  it('counts focus on a control host inside the post', () => {
    const ps = posts([[0, 400], [400, 800]]);
    const host = document.createElement('satchel-save');
    host.tabIndex = 0;
    ps[1]!.append(host);
    host.focus();
    expect(pickPostInView(ps, document)).toBe(ps[1]);
  });

  it('else picks the largest visible area', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1000);
    const ps = posts([[-300, 100], [100, 500], [500, 1500]]); // visible: 100, 400, 300 px tall
    expect(pickPostInView(ps, document)).toBe(ps[1]);
  });

  it('returns null when nothing is visible', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    const ps = posts([[-900, -100], [900, 1500]]);
    expect(pickPostInView(ps, document)).toBeNull();
    expect(pickPostInView([], document)).toBeNull();
  });
});
