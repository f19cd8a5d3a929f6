/**
 * `{slot}` interpolation for messages and prompts (documented in docs/dsl.md, "Templates").
 * `{{` and `}}` are literal braces. Values render for people, not programs: integers as is,
 * fractional numbers with two decimals, booleans as yes/no, a missing or null slot as nothing.
 */

export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "slot"; name: string; start: number };

export interface Template {
  source: string;
  parts: TemplatePart[];
}

/** A malformed template; `offset` is the 0-based index of the offending character. */
export class TemplateError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = "TemplateError";
    this.offset = offset;
  }
}

export interface RenderOptions {
  /** Words for booleans (settings.language); English by default. */
  language?: "en" | "es";
}

const BOOLEAN_WORDS = { en: ["yes", "no"], es: ["sí", "no"] } as const;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "{" && source[i + 1] === "{") {
      text += "{";
      i += 2;
    } else if (ch === "}" && source[i + 1] === "}") {
      text += "}";
      i += 2;
    } else if (ch === "}") {
      throw new TemplateError("unmatched '}' (write '}}' for a literal brace)", i);
    } else if (ch === "{") {
      const close = source.indexOf("}", i + 1);
      if (close === -1) {
        throw new TemplateError("unclosed '{' (write '{{' for a literal brace)", i);
      }
      const name = source.slice(i + 1, close).trim();
      if (!NAME.test(name)) {
        throw new TemplateError(
          `'{${source.slice(i + 1, close)}}' is not a slot name (write '{{' for a literal brace)`,
          i,
        );
      }
      if (text) parts.push({ kind: "text", text });
      text = "";
      parts.push({ kind: "slot", name, start: i });
      i = close + 1;
    } else {
      text += ch;
      i++;
    }
  }
  if (text) parts.push({ kind: "text", text });
  return { source, parts };
}

/** How one value reads inside a message. */
export function formatValue(value: unknown, options: RenderOptions = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") {
    const [yes, no] = BOOLEAN_WORDS[options.language ?? "en"];
    return value ? yes : no;
  }
  if (typeof value === "number") {
    // Fractional amounts always show cents (1500.5 -> "1500.50"); whole numbers stay whole.
    return Number.isInteger(value) || !Number.isFinite(value) ? String(value) : value.toFixed(2);
  }
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

const CACHE_LIMIT = 2_000;
const cache = new Map<string, Template>();

function cachedTemplate(source: string): Template {
  const cached = cache.get(source);
  if (cached) return cached;
  const template = parseTemplate(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, template);
  return template;
}

/**
 * Renders `source` with `values` (slot name -> value). Only own properties are read. Throws
 * TemplateError for a malformed template (the loader rejects those, so this means a bug).
 */
export function renderTemplate(
  source: string,
  values: Readonly<Record<string, unknown>>,
  options: RenderOptions = {},
): string {
  let out = "";
  for (const part of cachedTemplate(source).parts) {
    if (part.kind === "text") out += part.text;
    else out += formatValue(Object.hasOwn(values, part.name) ? values[part.name] : null, options);
  }
  return out;
}

/** The slot names a template uses, once each, in order of appearance. */
export function templateSlots(source: string): string[] {
  const names = new Set<string>();
  for (const part of cachedTemplate(source).parts) if (part.kind === "slot") names.add(part.name);
  return [...names];
}
