/**
 * The MDX check of whole pages once they are written: what npm run build does (ingestFolder's
 * `mdxCheck: 'pages'`), so that Astro can read the pages while they are checked. The per-part
 * check (ensure-compiles.ts) then waits for a page that fails: the build ingests again with it,
 * and Astro starts again on the mended pages (cli.ts prepare, src/build.ts). Every page is still
 * compiled by the pipeline before the build ends well; a page compiles as the text Astro compiles.
 *
 * The pages are compiled on worker threads (page-check-worker.ts) that run at the lowest
 * priority: they take the time Astro leaves on the cores, and never Astro's own.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { splitFrontMatter } from '../read/front-matter.ts';
import { compileCounts, compiledWell, knownToCompile, type CompileError } from './compile-mdx.ts';
import type { OutputFile } from './index.ts';

/** A page that does not compile: its path under content/, the line of the file, the compiler's message. */
export interface PageCompileError {
  path: string;
  line?: number;
  message: string;
}

/** What a page-check worker is given: the bodies, and the shared count of bodies taken. */
export interface PageCheckData {
  bodies: string[];
  claim: Int32Array;
}

/** What a page-check worker sends for each body: why it does not compile, or nothing when it does. */
export type PageCheckMessage = { index: number; error?: CompileError };

/**
 * Compiles the MDX pages among `files` that no earlier check found to compile, each as its body
 * (the front matter is Astro's, not MDX's), on `threads` worker threads. One by default: it
 * works beside Astro, which leaves about three quarters of a core of two, and each thread holds
 * its own compiler's memory (two took the pipeline's process from 1.2 to 1.8 GB on a thousand
 * notes). Resolves with the pages that do
 * not compile, in the files' order; those that do are kept in the check's memory (compile-mdx.ts).
 */
export async function checkPages(files: OutputFile[], threads = 1): Promise<PageCompileError[]> {
  const pages = files
    .filter((file) => file.path.endsWith('.mdx'))
    .map((file) => ({ path: file.path, ...splitFrontMatter(file.content) }))
    .filter((page) => !knownToCompile(page.body));
  if (pages.length === 0) return [];
  const errors: (CompileError | undefined)[] = [];
  const data: PageCheckData = { bodies: pages.map((p) => p.body), claim: new Int32Array(new SharedArrayBuffer(4)) };
  await Promise.all(
    Array.from({ length: Math.min(threads, pages.length) }, () => {
      const worker = new Worker(new URL('./page-check-worker.ts', import.meta.url), { workerData: data });
      worker.on('message', (message: PageCheckMessage) => {
        compileCounts.compiled++;
        errors[message.index] = message.error;
        if (!message.error) compiledWell(pages[message.index]!.body);
      });
      return new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`An MDX check worker stopped with exit code ${code}.`))));
      });
    }),
  );
  return pages.flatMap((page, i) => {
    const error = errors[i];
    return error ? [{ path: page.path, message: error.message, ...(error.line !== undefined ? { line: error.line + page.lines } : {}) }] : [];
  });
}

/** A failed page as the build prints it: `/…/content/networking/service.mdx:12: the message`. */
export const describePageError = (error: PageCompileError, contentDir: string) => `${join(contentDir, error.path)}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}`;
