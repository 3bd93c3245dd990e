import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, cleanup, fireEvent } from '@testing-library/preact';
import { VirtualList } from './VirtualList';

afterEach(cleanup);

const renderRow = (i: number, style: string) => (
  <div key={i} id={`r-${i}`} role="option" aria-selected={false} style={style} data-row={i}>row {i}</div>
);

describe('VirtualList', () => {
  it('renders only the rows in view of 100,000, positioned inside a full-height spacer', () => {
    const { container } = render(<VirtualList count={100_000} rowHeight={50} renderRow={renderRow} activeIndex={-1} label="Captures" initialHeight={500} overscan={2} />);
    const rows = container.querySelectorAll('[data-row]');
    expect(rows.length).toBe(13); // 0..(500/50 + 2)
    expect((container.querySelector('.vlist__spacer') as HTMLElement).style.height).toBe('5000000px');
    const list = container.querySelector('[role="listbox"]')!;
    expect(list.getAttribute('aria-label')).toBe('Captures');
    expect(list.getAttribute('tabindex')).toBe('0');
  });

  it('renders the window at the scroll position', () => {
    const { container } = render(<VirtualList count={100_000} rowHeight={50} renderRow={renderRow} activeIndex={-1} label="L" initialHeight={500} overscan={0} />);
    const list = container.querySelector('.vlist') as HTMLDivElement;
    list.scrollTop = 50 * 70_000;
    fireEvent.scroll(list);
    const idx = [...container.querySelectorAll('[data-row]')].map((r) => Number(r.getAttribute('data-row')));
    expect(idx[0]).toBe(70_000);
    expect(idx.at(-1)).toBe(70_010);
    expect((container.querySelector('[data-row="70000"]') as HTMLElement).style.transform).toBe('translateY(3500000px)');
  });

  it('points aria-activedescendant at the active row and passes keys to the container', () => {
    const onKeyDown = vi.fn();
    const { container } = render(<VirtualList count={10} rowHeight={50} renderRow={renderRow} activeIndex={3} activeId="r-3" label="L" onKeyDown={onKeyDown} />);
    const list = container.querySelector('[role="listbox"]')!;
    expect(list.getAttribute('aria-activedescendant')).toBe('r-3');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(onKeyDown).toHaveBeenCalledOnce();
  });

  it('keeps the same first row at the top when the row height changes (density switch)', () => {
    const props = { count: 1000, renderRow, activeIndex: -1, label: 'L', initialHeight: 500, overscan: 0 };
    const { container, rerender } = render(<VirtualList {...props} rowHeight={150} />);
    const list = container.querySelector('.vlist') as HTMLDivElement;
    list.scrollTop = 150 * 40 + 20;
    fireEvent.scroll(list);
    rerender(<VirtualList {...props} rowHeight={50} />);
    expect(list.scrollTop).toBe(50 * 40);
    const first = container.querySelector('[data-row]')!;
    expect(first.getAttribute('data-row')).toBe('40');
    expect((first as HTMLElement).style.height).toBe('50px');
  });
});
