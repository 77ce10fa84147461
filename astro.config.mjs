// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { afterDiagrams } from './src/site/after-pipeline.ts';
import remarkCodeAtRender from './src/site/code-at-render.ts';
import { HANDBOOK_DESCRIPTION as description, HANDBOOK_TITLE as title, siteAddress } from './src/site/identity.ts';

/**
 * Nothing here reads what the pipeline writes into content/: npm run build starts Astro while the
 * pipeline is still at work, and the content collection waits for the pages (src/content.config.ts),
 * the diagram component for the diagrams (the plugin below). The
 * glossary link and the chapters join the sidebar when a page is rendered (src/routeData.ts), and
 * the home page's link to the PDF decides then too (src/components/BookLink.astro).
 */
const sidebarFile = new URL('./content/sidebar.json', import.meta.url);
/** The one module that takes in content/diagrams/ (its SVGs, when the bundler loads it). */
const diagramComponent = fileURLToPath(new URL('./src/components/Diagram.astro', import.meta.url));
const { site, base } = siteAddress();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Notes are full of commands and code-like prose: quotes and dashes stay as written. Code
  // blocks are drawn when their page is generated (src/site/code-at-render.ts).
  markdown: { processor: unified({ smartypants: false }), remarkPlugins: [remarkCodeAtRender] },
  vite: {
    // Generated pages import the site's components by this name, wherever the content folder is.
    resolve: { alias: { '@handbook/components': fileURLToPath(new URL('./src/components', import.meta.url)) } },
    plugins: [
      {
        // npm run build draws the diagrams while the pages are bundled: the diagram component,
        // which takes the SVGs in as it is loaded, waits until they are drawn (src/site/after-pipeline.ts).
        name: 'handbook-diagrams-drawn',
        enforce: 'pre',
        load: {
          filter: { id: /Diagram\.astro/ },
          async handler(id) {
            if (id.split('?')[0] === diagramComponent) await afterDiagrams();
            return null;
          },
        },
      },
    ],
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
      // `npm run dev`: when the pipeline rewrites the sidebar, restart, as when pages come and go.
      name: 'handbook-sidebar',
      hooks: { 'astro:config:setup': ({ addWatchFile }) => addWatchFile(sidebarFile) },
    },
    starlight({
      title,
      description,
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      // The glossary and the chapters follow, added per page from content/ (src/site/sidebar.ts).
      sidebar: [{ label: '问题索引', link: '/questions/' }],
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
      // The chapters' entries; each page's sidebar holds its own chapter in full, the others folded (src/routeData.ts).
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
