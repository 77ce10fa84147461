/**
 * A string of the data files with its {placeholders} filled in (names it does not know stay as
 * written): the pipeline's words and the site's. Free of imports, so the site's scripts can carry it.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([\w-]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
