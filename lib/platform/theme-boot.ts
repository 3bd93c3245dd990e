/**
 * Side-effect module: the first import of every extension page's main.tsx
 * (`import '../../lib/platform/theme-boot';`), so the learner's theme is on `<html>` before anything
 * renders (lib/platform/theme.ts).
 */
import { applyStoredTheme } from './theme';

applyStoredTheme();
