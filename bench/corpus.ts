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

/**
 * A corpus of `copies` variants of each note of `sources`, as if many people had written on the
 * same subjects: each copy gets its own name, its own title and headings (numbered), and its
 * sentences a mark of their copy, so copies are neither reposts of each other nor one page.
 * Notes that are not UTF-8 are copied unchanged.
 */
export function varyCorpus(sources: string, target: string, copies: number): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(sources).sort()) {
    const bytes = readFileSync(join(sources, name));
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    for (let i = 1; i <= copies; i++) {
      const mark = `（${i}）`;
      const variant =
        text === undefined
          ? bytes
          : text
              .replace(/^(title:\s*)(.+)$/m, `$1$2${mark}`)
              .replace(/^(#{1,6} .*)$/gm, `$1${mark}`)
              .replace(/(<h[1-6][^>]*>)/g, `$1${mark}`)
              .replace(/。/g, `${mark}。`);
      writeFileSync(join(target, `${name.replace(extname(name), '')}-${String(i).padStart(2, '0')}${extname(name)}`), variant);
    }
  }
}
