import { pinyin } from 'pinyin-pro';

const MAX_SLUG = 60;

/** Lower-case words joined by hyphens, cut at a word boundary. */
function hyphenate(words: string[]): string {
  const slug = words
    .join('-')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '');
}

/**
 * A readable URL segment for a page title: the title in pinyin, its Latin words kept as they are
 * (`准入控制` → `zhun-ru-kong-zhi`, `Init 容器` → `init-rong-qi`, `Helm` → `helm`). It depends
 * on the title alone, never on other pages.
 */
export function titleSlug(title: string): string {
  return hyphenate(pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })) || 'page';
}
