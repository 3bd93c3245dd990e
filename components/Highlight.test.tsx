import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup } from '@testing-library/preact';
import { Highlight } from './Highlight';
import { fmt } from './format';

afterEach(cleanup);

describe('Highlight', () => {
  it('marks matches as <mark> and keeps everything else as text (no markup from the text)', () => {
    const { container } = render(<p><Highlight segments={[{ text: '<img src=x onerror=alert(1)> ', match: false }, { text: 'Café', match: true }]} /></p>);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('Café');
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> Café');
  });
});

describe('fmt', () => {
  it('fills {tokens}, formats numbers, leaves unknown tokens', () => {
    expect(fmt('{count} of {total} {x}', { count: 1200, total: 3 }, 'en')).toBe('1,200 of 3 {x}');
  });
});
