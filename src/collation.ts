/**
 * The one string order of the project, for the pipeline and the site alike: by Unicode code
 * point. Unlike `localeCompare` it does not depend on the machine's locale (`LC_ALL`), so the
 * same notes give the same files on any machine.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
