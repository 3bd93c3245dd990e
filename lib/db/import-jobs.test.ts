import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { startImportJob, runImportJob, unfinishedImport, discardImport, IMPORT_BLOCK } from './import-jobs';
import { readAllCaptures } from './read-all';
import { listCollections } from './queries';
import { readImportFile } from '../import';
import type { SatchelExport } from '../schema';

let db: SatchelDb;
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

/** A Netscape bookmark file of `n` links, every third in a folder, with a tag each. */
function bookmarks(n: number): string {
  const links = Array.from({ length: n }, (_, i) => `<DT><A HREF="https://example.com/page/${i}" ADD_DATE="${1_700_000_000 + i}" TAGS="t${i % 4}">Page ${i}</A>`);
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Folder</H3>\n<DL><p>\n${links.filter((_, i) => i % 3 === 0).join('\n')}\n</DL><p>\n${links.filter((_, i) => i % 3 !== 0).join('\n')}\n</DL><p>\n`;
}
function read(text: string): SatchelExport {
  const r = readImportFile(text, 1_800_000_000_000);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.data;
}

describe('import jobs: an interrupted import resumes without the file and without duplicates (issue 12)', () => {
  it('the writer fails at row 12 of 25: the job says 10 of 25; resume stores the rest; count = total, each page once', async () => {
    const data = read(bookmarks(25));
    const id = await startImportJob(db, { fileName: 'bookmarks.html', format: 'netscape', data });
    expect(await unfinishedImport(db)).toEqual({ id, fileName: 'bookmarks.html', format: 'netscape', total: 25, done: 0 });

    // A writer that breaks at the 12th row: the third chunk's transaction is cut off.
    let written = 0;
    const failing = (_key: unknown, obj: { platform?: string }) => {
      if (obj.platform === 'web' && ++written === 12) throw new Error('disk full');
    };
    db.captures.hook('creating', failing);
    await expect(runImportJob(db, id, { chunkSize: 5 })).rejects.toThrow('disk full');
    db.captures.hook('creating').unsubscribe(failing);
    expect(await unfinishedImport(db)).toMatchObject({ fileName: 'bookmarks.html', total: 25, done: 10 });
    expect(await db.captures.count()).toBe(10);

    const progress: Array<[number, number]> = [];
    const out = await runImportJob(db, id, { chunkSize: 5, onProgress: (d, t) => void progress.push([d, t]) });
    expect(progress[0]).toEqual([10, 25]);
    expect(progress.at(-1)).toEqual([25, 25]);
    expect(out.captures.add).toBe(15);
    const stored = await readAllCaptures(db);
    expect(stored).toHaveLength(25);
    expect(new Set(stored.map((c) => c.key)).size).toBe(25);
    expect((await listCollections(db)).filter((c) => c.name === 'Folder')).toHaveLength(1);
    expect(stored.filter((c) => c.collectionIds.length === 1)).toHaveLength(9);
    expect(await unfinishedImport(db)).toBeNull();
    expect(await db.importRows.count()).toBe(0);
  });

  it('rows are kept in blocks; a resume that starts inside the second block stores exactly the rest', async () => {
    const total = IMPORT_BLOCK * 2 + 37;
    const data = read(bookmarks(total));
    const id = await startImportJob(db, { fileName: 'big.html', format: 'netscape', data });
    expect(await db.importRows.count(), 'one record per block, not per row').toBe(3);
    const stopAt = IMPORT_BLOCK + 100;
    await expect(runImportJob(db, id, { chunkSize: 100, onProgress: (d) => { if (d === stopAt) throw new Error('tab closed'); } })).rejects.toThrow('tab closed');
    expect(await unfinishedImport(db)).toMatchObject({ done: stopAt });
    const out = await runImportJob(db, id, { chunkSize: 100 });
    expect(out.captures.add, 'from row 600, inside the second block: exactly the rest').toBe(total - stopAt);
    expect(out.captures.skip).toBe(0);
    const stored = await readAllCaptures(db);
    expect(stored).toHaveLength(total);
    expect(new Set(stored.map((c) => c.key)).size).toBe(total);
    expect(await db.importRows.count()).toBe(0);
  });

  it('a chunk stored but not yet counted (crash between the two) is skipped on resume', async () => {
    const data = read(bookmarks(8));
    const id = await startImportJob(db, { fileName: 'b.html', format: 'netscape', data });
    await expect(runImportJob(db, id, { chunkSize: 4, onProgress: (d) => { if (d === 4) throw new Error('tab closed'); } })).rejects.toThrow('tab closed');
    await db.importJobs.update(id, { done: 0 }); // as if the count had not been written
    const out = await runImportJob(db, id, { chunkSize: 4 });
    expect(out.captures).toEqual({ add: 4, update: 0, skip: 4 });
    expect(await db.captures.count()).toBe(8);
  });

  it('importing the same file again adds nothing; discard forgets the job and keeps what was stored', async () => {
    const data = read(bookmarks(6));
    await runImportJob(db, await startImportJob(db, { fileName: 'b.html', format: 'netscape', data }));
    const again = await runImportJob(db, await startImportJob(db, { fileName: 'b.html', format: 'netscape', data: read(bookmarks(6)) }));
    expect(again.captures).toEqual({ add: 0, update: 0, skip: 6 });
    expect(await db.captures.count()).toBe(6);

    const id = await startImportJob(db, { fileName: 'c.html', format: 'netscape', data: read(bookmarks(7)) });
    await discardImport(db, id);
    expect(await unfinishedImport(db)).toBeNull();
    await expect(runImportJob(db, id)).rejects.toThrow(/no longer waiting/);
    expect(await db.captures.count()).toBe(6);
  });
});
