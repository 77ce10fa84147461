import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { handbookPageSchema } from './schema.ts';
import { afterPipeline } from './site/after-pipeline.ts';

/** The chapters the pipeline generates, and hand-written pages. */
const pages = glob({ base: './content', pattern: ['**/*.{md,mdx}', '!sources/**'] });

/**
 * The handbook's pages: the chapters the pipeline generates under content/<chapter>/ and
 * hand-written pages at the top of content/. Raw notes (content/sources/) are not pages. Started
 * by npm run build beside the pipeline, Astro reads them only once the pipeline has written them
 * (src/site/after-pipeline.ts): the first thing of the build that reads content/.
 */
export const collections = {
  docs: defineCollection({
    loader: {
      ...pages,
      load: async (context) => {
        await afterPipeline();
        return pages.load(context);
      },
    },
    schema: docsSchema({ extend: handbookPageSchema }),
  }),
  /** UI strings Starlight has no Chinese for: the search dialog's (src/content/i18n/zh-CN.json). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
