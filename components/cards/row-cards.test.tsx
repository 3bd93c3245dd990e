import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, cleanup, act } from '@testing-library/preact';
import { CaptureRow, NARROW_ROW } from '../CaptureRow';
import { IntentChip, intentLabelKey } from './IntentChip';
import { RowTags, ROW_TAGS } from './RowTags';
import { CardTimes } from './CardTimes';
import { INTENTS } from '../IntentChips';
import { makeCapture } from '../../lib/db/testing';
import { makeTranslate } from '../../lib/util/i18n';
import { shortRelativeTime } from '../../lib/util/time';
import en from '../../public/_locales/en/messages.json';

// Issue 12 fix round (red team findings 7 and 13b): library rows show whole tag chips and "+n", and
// keep both times in short form when narrow; the intent labels come from IntentChips' INTENTS only.

const t = makeTranslate(null, en);
const NOW = Date.UTC(2026, 11, 7, 12);
const TAGS = Array.from({ length: 50 }, (_, i) => `tag-${i}`);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** jsdom has no layout: chips after the first `fit` ones report a second line (they wrapped). */
function wrapAfter(fit: number): void {
  vi.spyOn(HTMLElement.prototype, 'offsetTop', 'get').mockImplementation(function (this: HTMLElement) {
    if (!this.hasAttribute('data-tag')) return 0;
    return Array.prototype.indexOf.call(this.parentElement!.children, this) < fit ? 0 : 20;
  });
}

describe('RowTags', () => {
  it('shows only the chips that fit the line whole, then "+n" for all the others (the row showed 4 of 50 with no count)', () => {
    wrapAfter(3);
    const { container, getByTestId } = render(<RowTags tags={TAGS} t={t} locale="en" width={400} />);
    expect([...container.querySelectorAll('[data-tag]')].map((c) => c.textContent)).toEqual(['#tag-0', '#tag-1', '#tag-2']);
    expect(getByTestId('row-more-tags').textContent).toBe('+47');
  });

  it('renders at most ROW_TAGS chips; with room for all of a few tags there is no "+n"', () => {
    const many = render(<RowTags tags={TAGS} t={t} width={2000} />);
    expect(many.container.querySelectorAll('[data-tag]')).toHaveLength(ROW_TAGS);
    expect(many.getByTestId('row-more-tags').textContent).toBe(`+${50 - ROW_TAGS}`);
    cleanup();
    const few = render(<RowTags tags={['AI', 'Onboarding']} t={t} width={2000} />);
    expect(few.container.querySelectorAll('[data-tag]')).toHaveLength(2);
    expect(few.queryByTestId('row-more-tags')).toBeNull();
  });

  it('a first tag as wide as the line shows alone (CSS cuts it at its end when wider), the rest count', () => {
    wrapAfter(1);
    const { container, getByTestId } = render(<RowTags tags={TAGS.slice(0, 5)} t={t} width={100} />);
    expect(container.querySelectorAll('[data-tag]')).toHaveLength(1);
    expect(getByTestId('row-more-tags').textContent).toBe('+4');
  });
});

describe('CaptureRow in a narrow list (the detail open beside it)', () => {
  it(`keeps both times in short form at ${NARROW_ROW} px and below ("Posted 3d ago · Saved 2h ago"), long when wide`, () => {
    let report: ((entries: { target: Element; contentRect: { width: number } }[]) => void) | null = null;
    vi.stubGlobal('ResizeObserver', class {
      constructor(cb: typeof report) { report = cb; }
      observe() {}
      unobserve() {}
      disconnect() {}
    });
    const c = makeCapture({ capturedAt: NOW - 2 * 3600_000, postedAt: new Date(NOW - 3 * 86_400_000).toISOString(), tags: ['AI'] });
    const { container } = render(<CaptureRow capture={c} id="r" pos={1} size={1} selected={false} active={false} style="" now={NOW} t={t} locale="en" onClick={vi.fn()} />);
    const row = container.querySelector('[role="option"]')!;
    const times = () => [...container.querySelectorAll('.crow__times time')].map((x) => x.textContent);
    act(() => report!([{ target: row, contentRect: { width: 900 } }]));
    expect(times()).toEqual(['Posted 3 days ago', 'Saved 2 hours ago']);
    act(() => report!([{ target: row, contentRect: { width: 420 } }]));
    expect(times()).toEqual(['Posted 3d ago', 'Saved 2h ago']);
  });
});

describe('one list of intents', () => {
  it('IntentChip and intentLabelKey read the labels from IntentChips INTENTS; an unknown value reads as itself', () => {
    for (const i of INTENTS) {
      expect(intentLabelKey(i.value)).toBe(i.key);
      const { container } = render(<IntentChip intent={i.value} t={t} testId="x" />);
      expect(container.textContent).toBe(t(i.key));
      cleanup();
    }
    expect(render(<IntentChip intent="odd" t={t} />).container.textContent).toBe('odd');
    expect(intentLabelKey('odd')).toBeUndefined();
  });
});

describe('CardTimes short', () => {
  it('reads the narrow relative form; shortRelativeTime uses the same units as relativeTime', () => {
    const { container } = render(<CardTimes posted={NOW - 3 * 86_400_000} saved={NOW - 5 * 60_000} now={NOW} t={t} locale="en" short />);
    expect(container.textContent).toBe('Posted 3d ago · Saved 5m ago');
    expect(shortRelativeTime(NOW - 30_000, NOW, 'en')).toBe('now');
    expect(shortRelativeTime(NOW - 2 * 7 * 86_400_000, NOW, 'en')).toBe('2w ago');
  });
});
