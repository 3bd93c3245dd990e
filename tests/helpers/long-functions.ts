import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Finds functions longer than a line budget (docs/architecture.md: "functions past ~150 lines are
 * split"), with the TypeScript compiler API: declarations, expressions, arrows, methods, accessors
 * and constructors, nested ones too (a long closure and a long function inside it are both listed).
 * Length is in source lines, first line to last, comments and blank lines inside included.
 *
 * CLI: `node --import tsx tests/helpers/long-functions.ts [maxLines=150]` prints one
 * `path:line name (n lines)` per function over the budget, longest first.
 */

/** One function over the budget. */
export interface LongFunction {
  /** Repo-relative path, `/`-separated. */
  file: string;
  /** Name as written (`createScanner`, `Class.method`, `<anonymous>` inside `outer`). */
  name: string;
  /** 1-based line of the function's first token. */
  line: number;
  /** Source lines from its first to its last line. */
  lines: number;
}

/** Folders scanned by {@link findLongFunctionsInRepo}. */
export const SCANNED_DIRS = ['lib', 'components', 'entrypoints', 'server/src'] as const;

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.(test|spec)\.tsx?$|(^|\/)test-helpers\.tsx?$|(^|\/)testing\.tsx?$/;

/** Non-test `.ts`/`.tsx` files under `dir` (node_modules and dot folders skipped). */
function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (n === 'node_modules' || n.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return sourcesUnder(p);
    return SOURCE.test(n) && !TEST.test(p.split(sep).join('/')) ? [p] : [];
  });
}

/** The name a function node is known by: its own, its variable's, its property's, else `<anonymous>`. */
function nameOf(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  const own = node.name && !ts.isComputedPropertyName(node.name) ? node.name.getText(sf) : null;
  if (ts.isConstructorDeclaration(node)) return `${classNameOf(node)}.constructor`;
  if (own) return ts.isClassLike(node.parent) ? `${classNameOf(node)}.${own}` : own;
  const p = node.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return p.name.getText(sf);
  if (ts.isCallExpression(p)) return `<callback of ${p.expression.getText(sf).slice(0, 40)}>`;
  if (ts.isExportAssignment(p)) return '<default export>';
  return '<anonymous>';
}

function classNameOf(node: ts.Node): string {
  const c = node.parent;
  return ts.isClassLike(c) && c.name ? c.name.text : '<class>';
}

/** Functions of one source text longer than `maxLines`, in source order. */
export function findLongFunctions(file: string, text: string, maxLines: number): LongFunction[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const lines = last - first + 1;
      if (lines > maxLines) out.push({ file, name: nameOf(fn, sf), line: first + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Functions longer than `maxLines` in the non-test sources of {@link SCANNED_DIRS} under `root`, longest first. */
export function findLongFunctionsInRepo(root: string, maxLines = 150): LongFunction[] {
  return SCANNED_DIRS.flatMap((d) => sourcesUnder(join(root, d)))
    .flatMap((abs) => findLongFunctions(relative(root, abs).split(sep).join('/'), readFileSync(abs, 'utf8'), maxLines))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const max = Number(process.argv[2] ?? 150);
  const root = resolve(import.meta.dirname, '../..');
  for (const f of findLongFunctionsInRepo(root, max)) console.log(`${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
}
