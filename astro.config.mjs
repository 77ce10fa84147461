// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { BOOK_FILE, bookEnabled, bookPageCount } from './src/book/enabled.ts';
import { afterPipeline } from './src/site/after-pipeline.ts';
import remarkCodeAtRender from './src/site/code-at-render.ts';
import { HANDBOOK_DESCRIPTION as description, HANDBOOK_TITLE as title, siteAddress } from './src/site/identity.ts';

// npm run build starts Astro while the pipeline still writes content/: wait for it (src/site/after-pipeline.ts).
await afterPipeline();

/** The sidebar comes from data the pipeline writes (content/sidebar.json). */
const sidebarFile = new URL('./content/sidebar.json', import.meta.url);
const sidebar = existsSync(sidebarFile) ? JSON.parse(readFileSync(sidebarFile, 'utf8')) : [];
/** The glossary page is listed when the glossary has terms (content/glossary.json, from content/terms.yaml). */
const glossaryFile = new URL('./content/glossary.json', import.meta.url);
const glossary = existsSync(glossaryFile) ? JSON.parse(readFileSync(glossaryFile, 'utf8')) : { terms: [] };

const { site, base } = siteAddress();
/** The whole book as a PDF: printed after astro build by npm run build (src/book/cli.ts) when Chromium is here; the home page links it then. */
const book = bookEnabled(bookPageCount(sidebar));

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Notes are full of commands and code-like prose: quotes and dashes stay as written. Code
  // blocks are drawn when their page is generated (src/site/code-at-render.ts).
  markdown: { processor: unified({ smartypants: false }), remarkPlugins: [remarkCodeAtRender] },
  vite: {
    // Generated pages import the site's components by this name, wherever the content folder is.
    define: { 'import.meta.env.HANDBOOK_BOOK': JSON.stringify(book.ok ? BOOK_FILE : '') },
    resolve: { alias: { '@handbook/components': fileURLToPath(new URL('./src/components', import.meta.url)) } },
    build: {
      // The server bundle that renders the pages at build time is never sent to readers.
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro marks MDX modules with a directive that the bundler reports and drops, harmlessly.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    {
      // `npm run dev`: the sidebar is read above, once; when the pipeline rewrites it, restart.
      name: 'handbook-sidebar',
      hooks: { 'astro:config:setup': ({ addWatchFile }) => addWatchFile(sidebarFile) },
    },
    starlight({
      title,
      description,
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      sidebar: [{ label: '问题索引', link: '/questions/' }, ...(glossary.terms.length ? [{ label: glossary.title, link: '/glossary/' }] : []), ...sidebar],
      customCss: ['./src/styles/handbook.css'],
      components: {
        PageTitle: './src/components/PageTitle.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
        Search: './src/components/Search.astro',
      },
      // Chapters live in content/, not src/content/docs/: Starlight's Markdown features (asides from
      // `:::note`) apply there too. Heading links stay off, as before.
      markdown: { processedDirs: ['./content'], headingLinks: false },
      // src/pages/404.astro: its links carry the base path.
      disable404Route: true,
      // Each page's sidebar holds its own chapter in full, the others folded (src/routeData.ts).
      routeMiddleware: './src/routeData.ts',
      lastUpdated: false,
      pagination: true,
    }),
    {
      // After Pagefind (Starlight's step above): the titles and headings the search box ranks by.
      name: 'handbook-search-titles',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const { writeSearchTitles } = await import('./src/search-titles/index.ts');
          const written = writeSearchTitles(fileURLToPath(dir), base);
          logger.info(`titles and headings of ${written.pages} pages for the search box (${(written.bytes / 1024).toFixed(1)} KB)`);
        },
      },
    },
  ],
});
