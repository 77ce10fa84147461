import { createHash } from 'node:crypto';

/** A URL-safe file name for a page: the Latin words of its heading, or a short hash. */
export function pageSlug(heading: string, taken: Set<string>): string {
  const words = heading
    .normalize('NFKD')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  const base = (words ?? []).join('-').slice(0, 48).replace(/-+$/, '') || 'section';
  const hash = createHash('sha256').update(heading).digest('hex').slice(0, 6);
  let slug = base === 'section' ? `section-${hash}` : base;
  if (taken.has(slug)) slug = `${base}-${hash}`;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${hash}-${n}`;
  taken.add(slug);
  return slug;
}
