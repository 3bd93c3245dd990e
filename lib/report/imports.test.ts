// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// lib/report runs inside the page (report-ui.js) and in jsdom: it may import only its own files,
// lib/dom, lib/util and the site adapter *types* (plus the pure site table for site-of-url.ts).
// No extension APIs, no zod, no Preact, no adapter code. (tests/architecture.test.ts has no row for
// lib/report yet; this is that row, locally.)

const DIR = import.meta.dirname;
const ALLOWED = /^(?:\.\/[\w-]+|\.\.\/dom\/[\w-]+|\.\.\/util\/[\w-]+|\.\.\/sites\/types)$/;
const EXTRA: Record<string, RegExp> = { 'site-of-url.ts': /^\.\.\/sites\/meta$/ };

describe('lib/report imports', () => {
  const files = readdirSync(DIR).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  it.each(files)('%s imports only what the page bundle may hold', (f) => {
    const src = readFileSync(join(DIR, f), 'utf8');
    const specs = [...src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
    expect(specs.filter((s) => !ALLOWED.test(s) && !EXTRA[f]?.test(s))).toEqual([]);
  });
});
