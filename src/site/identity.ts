/**
 * The handbook's name and address, shared by the site's config (astro.config.mjs) and the steps
 * that run after Astro (the PDF, src/book/cli.ts).
 */
export const HANDBOOK_TITLE = 'Kubernetes 学习手册';
export const HANDBOOK_DESCRIPTION = '由学习笔记整理而成的 Kubernetes 手册：组件、网络、存储与安全。';

/** Where the site is served. GitHub Pages: SITE_URL is https://<user>.github.io, BASE_PATH is /<repository>/. */
export function siteAddress(env: Record<string, string | undefined> = process.env): { site: string; base: string } {
  return { site: env['SITE_URL'] || 'https://example.github.io', base: env['BASE_PATH'] || '/' };
}
