import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * A corpus `factor` times the size of `sources`: each note copied `factor` times under a new
 * name, its headings made distinct so the copies are real extra sections, not one repeated.
 */
export function generateCorpus(sources: string, target: string, factor: number): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(sources).sort()) {
    const text = readFileSync(join(sources, name), 'utf8');
    for (let i = 0; i < factor; i++) {
      const variant = text.replace(/^(#{1,6} .*|[一二三四五六七八九十]+、.*)$/gm, `$1（第 ${i + 1} 册）`).replace(/(<h[1-6][^>]*>\s*)/g, `$1第 ${i + 1} 册 `);
      writeFileSync(join(target, `${name.replace(extname(name), '')}-${String(i + 1).padStart(3, '0')}${extname(name)}`), variant);
    }
  }
}
