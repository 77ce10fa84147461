import { createProcessor } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';

/** The syntax the site compiles pages with: MDX, GFM and the directives Starlight's asides use. */
const processor = createProcessor({ remarkPlugins: [remarkGfm, remarkDirective] });

/** Compiles an MDX page body as the site will; returns the error message, or undefined when it compiles. */
export function mdxError(body: string): string | undefined {
  try {
    processor.processSync(body);
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? String(error);
  }
}
