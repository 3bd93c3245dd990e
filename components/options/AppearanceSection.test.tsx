import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { AppearanceSection, type AppearanceValues } from './AppearanceSection';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const values: AppearanceValues = { theme: 'system', density: 'comfortable', singleKeyShortcuts: true };

describe('AppearanceSection (issue 12)', () => {
  it('shows the current choices as a theme radio group, a density radio group and a checkbox', () => {
    render(<AppearanceSection values={values} onChange={() => {}} t={t} />);
    expect(screen.getByRole('heading', { name: 'Appearance' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Same as the system' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^Comfortable/ }) as HTMLInputElement).checked).toBe(true);
    const box = screen.getByRole('checkbox', { name: /Single-key shortcuts/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    // The explanation names the keys it turns off.
    expect(box.getAttribute('aria-describedby')).toBe('single-key-help');
    expect(document.getElementById('single-key-help')!.textContent).toContain('/ to search, l to open the library');
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Library rows' })).toBeTruthy();
  });

  it('reports each change with the other values kept', () => {
    const onChange = vi.fn();
    render(<AppearanceSection values={values} onChange={onChange} t={t} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...values, theme: 'dark' });
    fireEvent.click(screen.getByRole('radio', { name: /^Dense/ }));
    expect(onChange).toHaveBeenLastCalledWith({ ...values, density: 'dense' });
    fireEvent.click(screen.getByRole('checkbox', { name: /Single-key shortcuts/ }));
    expect(onChange).toHaveBeenLastCalledWith({ ...values, singleKeyShortcuts: false });
  });
});
