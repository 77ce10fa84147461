/** A site path with the configured base in front: links must work under /<repository>/ too. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** The URL of a docs entry (its id is its path under content/). */
export function entryUrl(id: string, anchor = ''): string {
  const path = id === 'index' ? '' : `${id.replace(/\/index$/, '')}/`;
  return withBase(path) + (anchor ? `#${encodeURIComponent(anchor)}` : '');
}
