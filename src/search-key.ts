/**
 * A name as the search box compares it: NFKC (full-width letters become ASCII), lower case,
 * spaces, hyphens and underscores gone, so kube-proxy, kube proxy and kubeproxy are one name.
 * Its own module, free of zod: the search box's script imports it into every page.
 */
export function searchKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

/** One character searchKey leaves out (the query reader skips them the same way, keeping positions). */
export const isNameSeparator = (char: string): boolean => /^[\s_-]$/.test(char);
