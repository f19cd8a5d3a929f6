/**
 * A slot's `pattern` matched against a whole value (case-insensitive), compiled once per pattern
 * text: the DM checks every value against it, the offline DU tests what it read.
 */
const anchored = new Map<string, RegExp>();

export function wholePattern(pattern: string): RegExp {
  let re = anchored.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "iu");
    anchored.set(pattern, re);
  }
  return re;
}
