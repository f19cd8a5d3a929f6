/**
 * The original's expressions are Python-flavoured: `AND` / `OR` / `NOT` and `True` / `False` /
 * `None`. Rewritten word by word outside quoted strings, so the modern parser reads them.
 */
const WORDS: Readonly<Record<string, string>> = {
  AND: "and",
  OR: "or",
  NOT: "not",
  True: "true",
  False: "false",
  None: "null",
};

/** The expression in the modern spelling; `changed` lists the words rewritten. */
export function modernExpression(source: string): { text: string; changed: string[] } {
  const changed: string[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      const stop = end === -1 ? source.length : end + 1;
      text += source.slice(i, stop);
      i = stop;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0];
    if (word) {
      const modern = Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
      if (modern !== undefined) changed.push(word);
      text += modern ?? word;
      i += word.length;
      continue;
    }
    text += ch;
    i++;
  }
  return { text, changed };
}

/** `{{name}}` (the original's substitution in `set` values) as the modern `{name}`. */
export function modernSetTemplate(source: string): { text: string; changed: boolean } {
  const text = source.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, "{$1}");
  return { text, changed: text !== source };
}
