import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { SITE_META } from '../lib/sites/meta';

// Enforces docs/architecture.md 6.2 (dependency direction) and 6.6 (conventions) with regex over
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

/** The source file a repo-relative module path names (`.ts`, `.tsx`, or a folder's index), or null. */
function resolveSource(p: string): string | null {
  for (const c of [p, `${p}.ts`, `${p}.tsx`, `${p}/index.ts`, `${p}/index.tsx`]) {
    const abs = join(ROOT, c);
    if (existsSync(abs) && statSync(abs).isFile()) return abs;
  }
  return null;
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

/** docs/architecture.md 6.2: which local areas and packages each area may import. */
const RULES: Record<string, { local: RegExp; pkg: RegExp; files?: RegExp }> = {
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
  // The Markdown export names sites from the site table (issue 9: no copy of it), as components do.
  'lib/export': { local: /^lib\/(export|schema|util)$/, pkg: /^(zod|fast-check|mdast|mdast-util-to-markdown|mdast-util-gfm|yaml|fflate)$/, files: /^lib\/sites\/meta$/ },
  // Reading other tools' exports (issue 12): parsers only, no storage; lib/db imports the rows.
  'lib/import': { local: /^lib\/(import|export|schema|util)$/, pkg: /^(papaparse|zod)$/ },
  // Pure: the server builds digests with lib/digest/build.ts too (docs/architecture.md 6.2).
  'lib/digest': { local: /^lib\/(digest|schema|util|export)$/, pkg: /^$/ },
  components: { local: /^(components|lib\/schema|lib\/util)$/, pkg: /^(preact|preact\/hooks|preact\/jsx-runtime)$/, files: /^lib\/sites\/meta$/ },
};

describe('dependency direction (docs/architecture.md 6.2)', () => {
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
      if (rule.files?.test(t.local)) continue; // a single file the area may read (the site table)
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
    // Tests beside the code (6.5) may import vitest: the server's tsc resolves it from the root node_modules.
    const bad = walk(join(ROOT, 'lib/schema')).filter((f) => !/\.test\.tsx?$/.test(f)).flatMap((f) =>
      importsOf(f).filter((s) => !s.startsWith('./') && s !== 'zod').map((s) => `${rel(f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('nothing reachable from entrypoints/content imports lib/db or dexie (rule 1)', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
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
        const next = resolveSource(t.local);
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

describe('site adapters (docs/architecture.md 6.3 checklist)', () => {
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

describe('conventions (docs/architecture.md 6.4, 6.6)', () => {
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

/** Module specifiers a file imports at run time (`import type` / `export type` are erased by the build; `import { type X }` is not). */
function runtimeImportsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of src.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}


/** The per-site content scripts: `entrypoints/<name>.content.ts(x)` or `entrypoints/<name>.content/index.ts(x)`. */
function contentScripts(): { name: string; file: string }[] {
  return readdirSync(join(ROOT, 'entrypoints'))
    .filter((n) => /\.content(\.tsx?)?$/.test(n))
    .map((n) => ({ name: n.replace(/\.content(\.tsx?)?$/, ''), file: resolveSource(`entrypoints/${n.replace(/\.tsx?$/, '')}`)! }))
    .filter((s) => s.file);
}

/**
 * What is wrong between the site table (lib/sites/meta.ts), the adapter registry and the content
 * scripts: every site in the table or the registry needs a content script and both lists, and a
 * content script may name only its own site, which must be in the table. Each line says what to do.
 */
function siteProblems(table: readonly string[], registered: readonly string[], scripts: { name: string; src: string }[]): string[] {
  const out: string[] = [];
  const names = new Set(scripts.map((s) => s.name));
  for (const id of new Set([...table, ...registered])) {
    if (!table.includes(id)) out.push(`Add a row for \`${id}\` to SITE_META in lib/sites/meta.ts`);
    if (!registered.includes(id)) out.push(`Register \`${id}\` in lib/sites/index.ts (ADAPTERS)`);
    if (!names.has(id)) out.push(`Add entrypoints/${id}.content.ts: a thin call of entrypoints/content/run.ts with the ${id} adapter and SITE_MATCHES.${id}`);
  }
  for (const s of scripts) {
    if (!table.includes(s.name)) out.push(`entrypoints/${s.name}.content.ts names a site that is not in lib/sites/meta.ts: add its row, or rename the script after its site`);
    const named = [...s.src.matchAll(/SITE_(?:MATCHES|META)\s*(?:\.\s*(\w+)|\[\s*['"](\w+)['"]\s*\])|lib\/sites\/(\w+)['"/]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    for (const id of new Set(named)) {
      if (id === 'meta' || id === 'matches' || id === 'types' || id === 'index') continue;
      if (id !== s.name) out.push(`entrypoints/${s.name}.content.ts names \`${id}\`: a content script serves its own site only`);
    }
  }
  return out;
}

/**
 * What a site of the registry or the table lacks in tests and docs (docs/architecture.md 6.3 steps 5
 * and 8): `files` are the repo-relative paths under `tests/fixtures/` and `docs/sites/`. Each site
 * needs `tests/fixtures/<id>/PROVENANCE.md`, at least one `.html` fixture, an `.expected.json` beside
 * every `.html`, and its notes page `docs/sites/<id>.md`. Each line says what to do.
 */
function siteFileProblems(ids: readonly string[], files: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const dir = `tests/fixtures/${id}/`;
    const html = [...files].filter((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/') && f.endsWith('.html'));
    if (!files.has(`${dir}PROVENANCE.md`)) out.push(`Add ${dir}PROVENANCE.md: where each fixture of ${id} comes from`);
    if (html.length === 0) out.push(`Add a fixture for ${id}: ${dir}<name>.html with its <name>.expected.json (docs/architecture.md 6.5)`);
    for (const h of html) {
      const exp = h.replace(/\.html$/, '.expected.json');
      if (!files.has(exp)) out.push(`Add ${exp} beside ${h}`);
    }
    if (!files.has(`docs/sites/${id}.md`)) out.push(`Add docs/sites/${id}.md: the DOM notes of ${id} (docs/sites/README.md)`);
  }
  return out;
}

/** Repo-relative paths of every file under the repo-relative folder `dir` (any extension). */
function filesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((n) => (statSync(join(abs, n)).isDirectory() ? filesUnder(`${dir}/${n}`) : [`${dir}/${n}`]));
}

describe('site table, adapters and content scripts (lib/sites/meta.ts)', () => {
  const registry = readFileSync(join(ROOT, 'lib/sites/index.ts'), 'utf8');
  const registered = [...registry.matchAll(/from '\.\/(\w+)'/g)].map((m) => m[1]!).filter((n) => statSync(join(ROOT, 'lib/sites', n), { throwIfNoEntry: false })?.isDirectory());
  const table = Object.keys(SITE_META);

  it('the registry is read from lib/sites/index.ts, not from a list in this test', () => {
    expect(registered.length, 'ADAPTERS in lib/sites/index.ts imports each site folder').toBeGreaterThan(0);
  });

  it('every site in the registry or the table has fixtures with their expected JSON, PROVENANCE.md and a docs/sites page', () => {
    const files = new Set([...filesUnder('tests/fixtures'), ...filesUnder('docs/sites')]);
    expect(siteFileProblems([...new Set([...registered, ...table])], files)).toEqual([]);
  });

  it('the fixtures-and-docs check reports each missing part', () => {
    const files = new Set([
      'tests/fixtures/x/PROVENANCE.md', 'tests/fixtures/x/x-2026-01_a.html', 'tests/fixtures/x/x-2026-01_a.expected.json', 'docs/sites/x.md',
      'tests/fixtures/reddit/PROVENANCE.md', 'tests/fixtures/reddit/sub/r.html',
      'tests/fixtures/mastodon/m.html',
    ]);
    expect(siteFileProblems(['x'], files)).toEqual([]);
    expect(siteFileProblems(['reddit'], files)).toEqual([
      'Add a fixture for reddit: tests/fixtures/reddit/<name>.html with its <name>.expected.json (docs/architecture.md 6.5)',
      'Add docs/sites/reddit.md: the DOM notes of reddit (docs/sites/README.md)',
    ]);
    expect(siteFileProblems(['mastodon'], files)).toEqual([
      'Add tests/fixtures/mastodon/PROVENANCE.md: where each fixture of mastodon comes from',
      'Add tests/fixtures/mastodon/m.expected.json beside tests/fixtures/mastodon/m.html',
      'Add docs/sites/mastodon.md: the DOM notes of mastodon (docs/sites/README.md)',
    ]);
  });

  it('every registered site has a content script, and every content script serves a site in the table', () => {
    const scripts = contentScripts().map((s) => ({ name: s.name, src: readFileSync(s.file, 'utf8') }));
    expect(scripts.length, 'the per-site content scripts are found').toBeGreaterThan(0);
    expect(siteProblems(table, registered, scripts)).toEqual([]);
  });

  it('the check reports a missing content script, an unknown site and a script naming another site', () => {
    const problems = siteProblems(['x', 'reddit'], ['x', 'reddit'], [
      { name: 'x', src: "matches: [...SITE_MATCHES.x], main: (c) => runContent(c, xAdapter)" },
      { name: 'mastodon', src: "import { SITE_MATCHES } from '../lib/sites/matches';" },
      { name: 'x2', src: "import { linkedinAdapter } from '../lib/sites/linkedin'; matches: SITE_META['linkedin'].matches" },
    ]);
    expect(problems.some((p) => p.startsWith('Add entrypoints/reddit.content.ts'))).toBe(true);
    expect(problems.some((p) => p.includes('mastodon.content.ts names a site that is not in'))).toBe(true);
    expect(problems.some((p) => p.includes('x2.content.ts names `linkedin`'))).toBe(true);
    expect(siteProblems(['x'], ['x', 'yammer'], [{ name: 'x', src: '' }, { name: 'yammer', src: '' }])).toContain('Add a row for `yammer` to SITE_META in lib/sites/meta.ts');
  });

  it('lib/sites/meta.ts imports nothing at run time (zod-free, DOM-free: read by the content scripts, components and wxt.config.ts)', () => {
    expect(runtimeImportsOf(join(ROOT, 'lib/sites/meta.ts'))).toEqual([]);
  });

  it('nothing reachable from a content script imports zod at run time (docs/decisions/0005: type-only imports of lib/messages and lib/schema)', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (f: string, chain: string[]) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const spec of runtimeImportsOf(f)) {
        const t = target(f, spec);
        if ('pkg' in t) {
          if (t.pkg === 'zod') bad.push([...chain, rel(f), 'zod'].join(' -> '));
          continue;
        }
        const next = resolveSource(t.local);
        if (next) visit(next, [...chain, rel(f)]);
      }
    };
    for (const s of contentScripts()) visit(s.file, []);
    expect(seen.size).toBeGreaterThan(10);
    expect(bad, 'use `import type` for schema and message types, and import zod-free helpers from their own file (e.g. lib/schema/content-key), not from lib/schema/index.ts').toEqual([]);
  });
});
