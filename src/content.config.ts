import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { handbookPageSchema } from './schema.ts';

/**
 * The handbook's pages: the chapters the pipeline generates under content/<chapter>/ and
 * hand-written pages at the top of content/. Raw notes (content/sources/) are not pages.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: ['**/*.{md,mdx}', '!sources/**'] }),
    schema: docsSchema({ extend: handbookPageSchema }),
  }),
  /** UI strings Starlight has no Chinese for: the search dialog's (src/content/i18n/zh-CN.json). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
