// sqlite-commit: the cost of SQLite's durability level alone (docs/decisions/0009-sqlite-durability.md).
// One better-sqlite3 connection in WAL mode on a file under the OS temp dir, 500 write transactions
// of one ~24 KB row (about one push of 20 captures), at synchronous=NORMAL and =FULL, alternated
// twice. Unlike server-load, this hardly depends on CPU load: FULL adds one WAL fsync per commit.
// `npm run bench -- sqlite-commit`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { emit, round, type Figure } from './lib/figure';

const COMMITS = 500;

/** Mean ms per commit at `level`. */
function perCommit(level: 'normal' | 'full'): number {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-commit-'));
  const db = new Database(join(dir, 'commit.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${level}`);
    db.exec('create table t (id integer primary key, body text)');
    const insert = db.prepare('insert into t (body) values (?)');
    const body = 'x'.repeat(24_000);
    const t0 = performance.now();
    for (let i = 0; i < COMMITS; i++) {
      db.exec('begin immediate');
      insert.run(body);
      db.exec('commit');
    }
    return (performance.now() - t0) / COMMITS;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both levels, alternated twice; the lower of the two runs of each. */
export async function run(): Promise<Figure[]> {
  const normal: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 2; i++) {
    normal.push(perCommit('normal'));
    full.push(perCommit('full'));
  }
  const n = Math.min(...normal);
  const f = Math.min(...full);
  const note = `${COMMITS} commits of one 24 KB row, WAL, ${tmpdir()}; best of 2`;
  const figs: Figure[] = [
    { name: 'sqlite-commit.normal', value: round(n, 3), unit: 'ms', goal: 'info', note },
    { name: 'sqlite-commit.full', value: round(f, 3), unit: 'ms', goal: 'info', note },
    { name: 'sqlite-commit.full-extra', value: round(f - n, 3), unit: 'ms', goal: 'info', note: 'what FULL adds to every push (one commit per push)' },
  ];
  figs.forEach(emit);
  return figs;
}
