/**
 * Packs exported files into one ZIP archive (fflate), so a Markdown export of many notes is one
 * download that unpacks into an Obsidian vault folder.
 */
import { zipSync, strToU8 } from 'fflate';
import type { ExportFile } from './markdown';

/**
 * A ZIP archive of `files` (UTF-8 text, paths as given, each under `folder/` when set). `mtime`
 * (epoch ms) stamps every entry so the same export gives the same bytes.
 */
export function zipFiles(files: readonly ExportFile[], folder = '', mtime = Date.now()): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: number }]> = {};
  for (const f of files) entries[folder ? `${folder}/${f.path}` : f.path] = [strToU8(f.content), { mtime }];
  return zipSync(entries, { level: 6 });
}
