import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';

// Enforces ARCHITECTURE.md 6.2 (dependency direction) and 6.6 (conventions) with regex over
// import lines only, like refined-github's build/features.test.ts. Failure messages say what to do.

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx)$/;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (n === 'node_modules' || n.startsWith('.')) return [];
    return statSync(p).isDirectory() ? walk(p) : SOURCE.test(n) ? [p] : [];
  });
}

/** Module specifiers imported (statically, dynamically or re-exported) by a file. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of src.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** Resolves a relative or `@/` specifier to a repo-relative path (no extension), or returns the bare package name. */
function target(file: string, spec: string): { local: string } | { pkg: string } {
  if (spec.startsWith('.')) return { local: relative(ROOT, resolve(dirname(file), spec)).split(sep).join('/') };
  if (spec.startsWith('@/') || spec.startsWith('~/')) return { local: spec.slice(2) };
  return { pkg: spec };
}

const rel = (f: string) => relative(ROOT, f).split(sep).join('/');
const files = ['lib', 'components', 'entrypoints'].flatMap((d) => walk(join(ROOT, d))).filter((f) => !/\.test\.tsx?$/.test(f));

/** Area of a repo-relative path, e.g. `lib/sites/x`, `lib/db`, `components`, `entrypoints`. */
function area(p: string): string {
  const parts = p.split('/');
  if (parts[0] === 'lib' && parts[1] === 'sites') {
    if (parts.length > 3) return `lib/sites/${parts[2]}`; // a site folder
    return 'lib/sites';
  }
  if (parts[0] === 'lib') return `lib/${parts[1]!.replace(/\.tsx?$/, '')}`;
  return parts[0]!;
}

/** ARCHITECTURE.md 6.2: which local areas and packages each area may import. */
const RULES: Record<string, { local: RegExp; pkg: RegExp }> = {
  'lib/util': { local: /^lib\/util$/, pkg: /^(uuidv7)$/ },
  'lib/schema': { local: /^lib\/schema$/, pkg: /^zod$/ },
  'lib/dom': { local: /^lib\/(dom|util)$/, pkg: /^$/ },
  'lib/sites': { local: /^lib\/(sites|sites\/[a-z]+|schema|dom|util)$/, pkg: /^$/ },
  'lib/sites/*': { local: /^lib\/(schema|dom|util|sites)$/, pkg: /^$/ },
  'lib/capture': { local: /^lib\/(capture|sites|sites\/[a-z]+|dom|messages|schema|util)$/, pkg: /^$/ },
  'lib/messages': { local: /^lib\/(messages|schema)$/, pkg: /^zod$/ },
  'lib/db': { local: /^lib\/(db|schema|util)$/, pkg: /^(dexie|zod)$/ },
  'lib/sync': { local: /^lib\/(sync|db|schema|util)$/, pkg: /^(zod)$/ },
  'lib/platform': { local: /^lib\/(platform|schema)$/, pkg: /^(wxt\/browser|wxt\/utils\/storage)$/ },
  'lib/search': { local: /^lib\/(search|schema|util)$/, pkg: /^(minisearch|minisearch\/SearchableMap|flexsearch)$/ },
  'lib/export': { local: /^lib\/(export|schema|util)$/, pkg: /^(zod|fast-check)$/ },
  components: { local: /^(components|lib\/schema|lib\/util)$/, pkg: /^(preact|preact\/hooks|preact\/jsx-runtime)$/ },
};

describe('dependency direction (ARCHITECTURE.md 6.2)', () => {
  const violations: string[] = [];
  for (const f of files) {
    const a = area(rel(f));
    const rule = RULES[/^lib\/sites\/[a-z]+$/.test(a) ? 'lib/sites/*' : a];
    if (!rule) continue; // entrypoints may import anything
    for (const spec of importsOf(f)) {
      const t = target(f, spec);
      if ('pkg' in t) {
        if (!rule.pkg.test(t.pkg)) violations.push(`${rel(f)} imports package '${t.pkg}', which ${a} must not use`);
        continue;
      }
      const ta = area(t.local);
      if (/^lib\/sites\/[a-z]+$/.test(a) && /^lib\/sites\/[a-z]+$/.test(ta) && ta !== a) {
        violations.push(`${rel(f)} imports another site's folder (${ta}); move shared code to lib/dom or lib/util`);
      } else if (ta !== a && !rule.local.test(ta)) {
        violations.push(`${rel(f)} imports ${t.local} (${ta}), which ${a} must not import`);
      }
    }
  }
  it('every import follows the table', () => {
    expect(violations).toEqual([]);
  });

  it('lib/schema uses only relative imports and zod (the server compiles it)', () => {
    const bad = walk(join(ROOT, 'lib/schema')).flatMap((f) =>
      importsOf(f).filter((s) => !s.startsWith('./') && s !== 'zod').map((s) => `${rel(f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('nothing reachable from entrypoints/content imports lib/db or dexie (rule 1)', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const resolveFile = (p: string): string | null => {
      for (const c of [p, `${p}.ts`, `${p}.tsx`, `${p}/index.ts`, `${p}/index.tsx`]) {
        const abs = join(ROOT, c);
        if (existsSync(abs) && statSync(abs).isFile()) return abs;
      }
      return null;
    };
    const visit = (f: string, chain: string[]) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const spec of importsOf(f)) {
        const t = target(f, spec);
        if ('pkg' in t) {
          if (t.pkg === 'dexie') bad.push([...chain, rel(f), 'dexie'].join(' -> '));
          continue;
        }
        if (t.local.startsWith('lib/db')) { bad.push([...chain, rel(f), t.local].join(' -> ')); continue; }
        const next = resolveFile(t.local);
        if (next) visit(next, [...chain, rel(f)]);
      }
    };
    const roots = [
      ...walk(join(ROOT, 'entrypoints/content')),
      ...readdirSync(join(ROOT, 'entrypoints')).filter((n) => /\.content(\.tsx?)?$/.test(n)).flatMap((n) => {
        const p = join(ROOT, 'entrypoints', n);
        return statSync(p).isDirectory() ? walk(p) : [p];
      }),
    ];
    expect(roots.some((f) => /\.content\.tsx?$/.test(f)), 'the per-site content scripts are checked').toBe(true);
    for (const f of roots) visit(f, []);
    expect(bad, 'the content script must send captures to the background by message').toEqual([]);
  });
});

describe('site adapters (ARCHITECTURE.md 6.3 checklist)', () => {
  const sitesDir = join(ROOT, 'lib/sites');
  const sites = readdirSync(sitesDir).filter((n) => statSync(join(sitesDir, n)).isDirectory());
  const registry = readFileSync(join(sitesDir, 'index.ts'), 'utf8');
  const readme = existsSync(join(ROOT, 'README.md')) ? readFileSync(join(ROOT, 'README.md'), 'utf8') : '';
  it.each(sites)('%s is complete', (id) => {
    expect(registry, `Register \`${id}\` in lib/sites/index.ts`).toMatch(new RegExp(`from '\\./${id}'`));
    for (const f of ['index.ts', 'selectors.ts', 'extract.ts', 'extract.test.ts']) {
      expect(existsSync(join(sitesDir, id, f)), `Add lib/sites/${id}/${f}`).toBe(true);
    }
    expect(readFileSync(join(sitesDir, id, 'index.ts'), 'utf8'), `End lib/sites/${id}/index.ts with a "Test pages" block`).toMatch(/Test pages/);
    const fx = join(ROOT, 'tests/fixtures', id);
    expect(existsSync(join(fx, 'PROVENANCE.md')), `Add tests/fixtures/${id}/PROVENANCE.md`).toBe(true);
    expect(readme, `Add a row for ${id} to the README's supported-sites table`).toMatch(new RegExp(`\\|\\s*[^|]*\\(\`${id}\`\\)`));
  });
});

describe('conventions (ARCHITECTURE.md 6.4, 6.6)', () => {
  it('writes to synced tables happen only inside lib/db', () => {
    const all = ['lib', 'components', 'entrypoints'].flatMap((d) => walk(join(ROOT, d)));
    const bad = all
      .filter((f) => !rel(f).startsWith('lib/db/'))
      .filter((f) => /\.(captures|collections|collectionItems|captureTags|outbox)\s*\.\s*(put|add|update|delete|bulkPut|bulkAdd|bulkDelete|clear)\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(bad, 'use the functions in lib/db/mutations.ts').toEqual([]);
  });

  it('zod has the same exact version for the extension and the server', () => {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(root.dependencies.zod).toMatch(/^\d+\.\d+\.\d+$/);
    const serverPkg = join(ROOT, 'server/package.json');
    if (existsSync(serverPkg)) {
      const server = JSON.parse(readFileSync(serverPkg, 'utf8'));
      expect(server.dependencies?.zod ?? root.dependencies.zod).toBe(root.dependencies.zod);
    }
  });
});
