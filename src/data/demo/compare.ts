/** Code-point order of codes ("01" < "2A" < "971"): locale-independent, so output is stable. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
