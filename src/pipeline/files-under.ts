import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, in every folder below it (hidden ones and node_modules left out), that `keep` accepts, sorted by path. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep));
    else if (entry.isFile() && keep(entry.name)) found.push(path);
  }
  return found.sort();
}
