/** A string of the site with its {placeholders} filled in (names it does not know stay as written). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([\w-]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
