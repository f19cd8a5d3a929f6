import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import type { DomainProblem } from "./errors.ts";
import type { SourceLocation } from "./loaded-domain.ts";

export type PathSegment = string | number;

/** One parsed domain file: its plain data plus the YAML tree that knows where things are. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data (null for an empty file). */
  data: unknown;
}

export interface LocateOptions {
  /** Point at the last segment's key (`promt:`) rather than its value. */
  key?: boolean;
}

/** Finds where a path of the merged domain was written; see createLocator. */
export type Locator = (path: readonly PathSegment[], options?: LocateOptions) => SourceLocation;

export function positionAt(source: YamlSource, offset: number): { line: number; column: number } {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

const YAML_MESSAGES: Partial<Record<string, (snippet: string) => string>> = {
  TAB_AS_INDENT: () => "tab used for indentation (YAML indents with spaces)",
  MULTIPLE_DOCS: () => "a domain file holds one YAML document (remove the extra '---')",
};

/** Bounds on a document's shape, checked before anything walks its data. */
export interface YamlLimits {
  /** Scalars, mappings, sequences and aliases in the source. */
  maxNodes: number;
  /** Mappings and sequences nested inside each other. */
  maxDepth: number;
}

/** Largest number of aliases one document may expand ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses one YAML (or JSON) text. Syntax errors come back as problems with their location;
 * `data` is null when the text has syntax errors, so nothing half-parsed is used.
 */
export function parseYamlSource(
  text: string,
  file: string,
  limits?: YamlLimits,
): { source: YamlSource; problems: DomainProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // The library's own check compares every key with every other one of its mapping (quadratic
    // in the mapping's size); duplicateKeys below does it in one pass and names the key.
    uniqueKeys: false,
    // Messages go into problems; the library must not print on its own.
    logLevel: "silent",
  });
  const source: YamlSource = { file, text, doc, lineCounter, data: null };
  const problems: DomainProblem[] = [];
  const report = (offset: number, message: string, severity: "error" | "warning") => {
    problems.push({ file, ...positionAt(source, offset), message, severity });
  };
  for (const error of doc.errors) {
    const snippet = text.slice(error.pos[0], error.pos[1]).split("\n")[0]!.trim();
    const message = YAML_MESSAGES[error.code]?.(snippet) ?? error.message;
    report(error.pos[0], `YAML syntax: ${message}`, "error");
  }
  for (const warning of doc.warnings) {
    report(warning.pos[0], `YAML: ${warning.message}`, "warning");
  }
  if (problems.some((p) => p.severity === "error")) return { source, problems };
  if (limits) {
    const excess = shapeProblem(doc, limits);
    if (excess) {
      report(excess.offset, excess.message, "error");
      return { source, problems };
    }
  }
  for (const { offset, key } of duplicateKeys(doc)) {
    report(
      offset,
      `YAML syntax: duplicate key '${key}' in the same mapping (each key may appear once)`,
      "error",
    );
  }
  // An alias inside the node it names makes a structure that never ends: reject it here,
  // before anything walks the data.
  visit(doc, {
    Alias(_key, alias, ancestors) {
      const target = alias.resolve(doc);
      if (target && ancestors.includes(target as never)) {
        report(
          alias.range?.[0] ?? 0,
          `YAML: alias '*${alias.source}' refers to a node that contains it (recursive structures are not allowed)`,
          "error",
        );
      }
    },
  });
  if (!problems.some((p) => p.severity === "error")) {
    try {
      source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null;
    } catch (error) {
      report(0, `YAML: ${(error as Error).message}`, "error");
    }
  }
  return { source, problems };
}

/** Every repeated key of a mapping (after its first occurrence), compared as the data will be. */
function duplicateKeys(doc: Document.Parsed): { offset: number; key: string }[] {
  const found: { offset: number; key: string }[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) found.push({ offset: pair.key.range?.[0] ?? 0, key });
        seen.add(key);
      }
    },
  });
  return found;
}

/** The first place the document exceeds `limits`, if any (walked without recursion). */
function shapeProblem(
  doc: Document.Parsed,
  limits: YamlLimits,
): { offset: number; message: string } | null {
  let nodes = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    nodes++;
    const offset = (node as Node).range?.[0] ?? 0;
    if (nodes > limits.maxNodes) {
      return {
        offset,
        message: `the document has more than ${limits.maxNodes} values (keys, items and scalars); split it or remove what is not needed`,
      };
    }
    if (!isCollection(node)) continue;
    if (depth + 1 > limits.maxDepth) {
      return {
        offset,
        message: `mappings and lists are nested more than ${limits.maxDepth} levels deep here`,
      };
    }
    for (const item of node.items) {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return null;
}

interface Match {
  /** How many path segments were found. */
  depth: number;
  value: Node | null;
  key: Node | null;
}

function resolve(source: YamlSource, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(source.doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

function walk(source: YamlSource, path: readonly PathSegment[]): Match {
  let value = resolve(source, source.doc.contents);
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(value)) {
      const pair = value.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      key = pair.key as Node;
      value = resolve(source, pair.value);
    } else if (isSeq(value) && typeof segment === "number" && segment < value.items.length) {
      key = null;
      value = resolve(source, value.items[segment]);
    } else {
      break;
    }
    depth++;
  }
  return { depth, value, key };
}

function offsetOf(match: Match, options: LocateOptions): number {
  const keyStart = match.key?.range?.[0];
  // A block mapping or list starts on the line after its key: point at the key instead.
  if (keyStart !== undefined && (options.key || isCollection(match.value) || !match.value?.range)) {
    return keyStart;
  }
  return match.value?.range?.[0] ?? keyStart ?? 0;
}

/** Top-level keys deep-merged across files: the last file to define a value wins. */
const OVERRIDABLE = new Set<PathSegment>(["version", "settings", "patterns"]);

/**
 * Locates paths of the merged domain. Each path is looked up in every file; the file that
 * holds the longest prefix of it wins (so a missing key points at the object that lacks it).
 * Ties go to the first file, or the last one for settings/patterns, matching how they merge.
 */
export function createLocator(sources: readonly YamlSource[], fallbackFile = "<config>"): Locator {
  return (path, options = {}) => {
    let best: { source: YamlSource; match: Match } | undefined;
    const preferLast = OVERRIDABLE.has(path[0] ?? "");
    for (const source of sources) {
      const match = walk(source, path);
      if (match.depth === 0 && path.length > 0) continue;
      if (
        !best ||
        match.depth > best.match.depth ||
        (preferLast && match.depth === best.match.depth)
      ) {
        best = { source, match };
      }
    }
    if (!best) {
      const first = sources[0];
      return { file: first?.file ?? fallbackFile, line: 1, column: 1 };
    }
    const { line, column } = positionAt(best.source, offsetOf(best.match, options));
    return { file: best.source.file, line, column };
  };
}

/**
 * Where character `offset` of a string value lies, for errors inside expressions and
 * templates. Exact for single-line plain and quoted scalars; otherwise the value's start.
 */
export function locateInString(
  sources: readonly YamlSource[],
  locator: Locator,
  path: readonly PathSegment[],
  offset: number,
): SourceLocation {
  const start = locator(path);
  const source = sources.find((s) => s.file === start.file);
  if (!source) return start;
  const node = walk(source, path);
  if (node.depth !== path.length || !isScalar(node.value) || !node.value.range) return start;
  const [from, to] = node.value.range;
  const raw = source.text.slice(from, to);
  if (raw.includes("\n")) return start;
  const quote = node.value.type === "QUOTE_DOUBLE" || node.value.type === "QUOTE_SINGLE" ? 1 : 0;
  if (node.value.type !== "PLAIN" && quote === 0) return start;
  const base = quote + offset;
  return { file: start.file, line: start.line, column: start.column + Math.min(base, raw.length) };
}
