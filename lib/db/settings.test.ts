import { describe, it, expect } from 'vitest';
import { SatchelDb } from './database';
import { libraryDensity, setLibraryDensity, setSingleKeyShortcuts, setThemeChoice, singleKeyShortcuts, themeChoice, THEME_KEY } from './settings';

describe('device-local view settings (issue 12)', () => {
  it('default, store, refuse what is not a choice, and ignore a stored value that is not one', async () => {
    const db = new SatchelDb(`settings-${Math.random()}`);
    expect(await themeChoice(db)).toBe('system');
    expect(await libraryDensity(db)).toBe('comfortable');
    expect(await singleKeyShortcuts(db)).toBe(true);
    await setThemeChoice(db, 'dark');
    await setLibraryDensity(db, 'dense');
    await setSingleKeyShortcuts(db, false);
    expect([await themeChoice(db), await libraryDensity(db), await singleKeyShortcuts(db)]).toEqual(['dark', 'dense', false]);
    await expect(setThemeChoice(db, 'sepia' as never)).rejects.toThrow(/theme must be one of system, light, dark, got sepia/);
    await expect(setLibraryDensity(db, 'cosy' as never)).rejects.toThrow(RangeError);
    await db.kv.put({ key: THEME_KEY, value: 'neon' });
    expect(await themeChoice(db)).toBe('system');
    db.close();
  });
});
