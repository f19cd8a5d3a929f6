import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { normalizeDialect } from "./dialect/normalize.ts";
import { DomainLoadError, type DomainProblem, sortProblems } from "./errors.ts";
import { dropBrokenExample, examplesAwareLocator } from "./examples-merge.ts";
import { buildFlowGraph, type FlowGraph } from "./flow-graph.ts";
import type { LoadedDomain } from "./loaded-domain.ts";
import { mergeSources } from "./merge.ts";
import { type Domain, domainSchema } from "./schema.ts";
import { schemaProblems } from "./schema-issues.ts";
import { validateDomain } from "./validate.ts";
import {
  createLocator,
  type Locator,
  locateInString,
  type PathSegment,
  parseYamlSource,
  type YamlLimits,
  type YamlSource,
} from "./yaml-source.ts";

const YAML_FILE = /\.ya?ml$/i;

export interface LoadDomainOptions {
  /** Files left out of the domain (`soni optimize` re-derives its own examples file). */
  exclude?: readonly string[];
}

/**
 * Loads a domain from a .yaml/.yml file (plus its `<name>.examples.yaml` when present) or a
 * directory of them (merged in file-name order).
 * Throws DomainLoadError listing every problem; warnings alone do not throw and come back on
 * the result.
 */
export async function loadDomain(
  target: string,
  options: LoadDomainOptions = {},
): Promise<LoadedDomain> {
  const resolved = path.resolve(target);
  const fail = (message: string): never => {
    throw new DomainLoadError([{ file: resolved, line: 1, column: 1, message, severity: "error" }]);
  };
  let files: string[];
  let baseDir: string;
  try {
    const info = await stat(resolved);
    if (info.isDirectory()) {
      baseDir = resolved;
      const names = (await readdir(resolved)).filter((n) => YAML_FILE.test(n)).sort();
      files = names.map((n) => path.join(resolved, n));
      if (files.length === 0) fail("no .yaml or .yml files in this directory");
    } else {
      baseDir = path.dirname(resolved);
      files = [resolved];
      const sidecar = examplesSidecar(resolved);
      if (await isFile(sidecar)) files.push(sidecar);
    }
  } catch (error) {
    if (error instanceof DomainLoadError) throw error;
    return fail(
      `cannot read the domain: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (error as Error).message}; give a .yaml file or a directory of them`,
    );
  }
  if (options.exclude?.length) {
    const excluded = new Set(options.exclude.map((f) => path.resolve(f)));
    files = files.filter((f) => !excluded.has(f));
    if (files.length === 0) fail("no domain files left once the excluded ones are set aside");
  }
  const texts = await Promise.all(files.map((f) => readFile(f, "utf8")));
  return buildDomain(
    files.map((file, i) => ({ file, text: texts[i]! })),
    baseDir,
    files,
  );
}

/**
 * The examples file of a single-file domain: `bank.yaml` -> `bank.examples.yaml`, merged after
 * it (a directory domain needs none: `soni optimize` writes `90-du-examples.yaml` into it).
 */
export function examplesSidecar(domainFile: string): string {
  const ext = path.extname(domainFile);
  return `${domainFile.slice(0, domainFile.length - ext.length)}.examples${ext || ".yaml"}`;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export interface TextDomainOptions {
  /** Bounds on the document's shape (values, nesting), checked right after parsing. */
  limits?: YamlLimits;
  /** The caller's own rules on the merged data, reported with the other problems. */
  check?: (data: Record<string, unknown>, locate: Locator) => DomainProblem[];
}

/**
 * Loads a domain given as YAML or JSON text (POST /config). `name` stands for the file in
 * problem locations; relative paths in the domain resolve against `baseDir`.
 */
export function loadDomainFromText(
  text: string,
  name = "<config>",
  baseDir: string = process.cwd(),
  options: TextDomainOptions = {},
): Promise<LoadedDomain> {
  return Promise.resolve().then(() => buildDomain([{ file: name, text }], baseDir, [], options));
}

type Sections = "slots" | "actions" | "flows";

function buildDomain(
  inputs: readonly { file: string; text: string }[],
  baseDir: string,
  files: string[],
  options: TextDomainOptions = {},
): LoadedDomain {
  const problems: DomainProblem[] = [];
  const sources: YamlSource[] = [];
  for (const { file, text } of inputs) {
    const parsed = parseYamlSource(text, file, options.limits);
    sources.push(parsed.source);
    problems.push(...parsed.problems);
  }
  // A syntax error leaves no trustworthy data; report those alone.
  if (problems.some((p) => p.severity === "error")) throw new DomainLoadError(problems);

  const written = examplesAwareLocator(sources, createLocator(sources, inputs[0]?.file), (source) =>
    createLocator([source]),
  );
  const merged = mergeSources(sources, (source) => createLocator([source]));
  problems.push(...merged.problems);

  problems.push(...stripProtoKeys(merged.data, [], written));
  // The original Soni dialect is rewritten to this one first; later problems are located
  // through the remap, at the text as written.
  if (options.check) problems.push(...options.check(merged.data, written));
  const dialect = normalizeDialect(merged.data, written);
  problems.push(...dialect.problems);
  const locate = dialect.remap.locator(written);

  const parsed = domainSchema.safeParse(merged.data);
  let domain: Domain | undefined;
  const invalid: Record<Sections, Set<string>> = {
    slots: new Set(),
    actions: new Set(),
    flows: new Set(),
  };
  const brokenSteps = new Map<string, Set<string>>();
  if (parsed.success) {
    domain = parsed.data;
  } else {
    problems.push(...schemaProblems(parsed.error.issues, merged.data, locate));
    // Drop what the schema rejected and check the rest, so one run reports everything.
    domain = salvage(merged.data, parsed.error.issues, invalid, brokenSteps);
  }

  let graphs = new Map<string, FlowGraph>();
  if (domain) {
    graphs = new Map(Object.entries(domain.flows).map(([n, f]) => [n, buildFlowGraph(n, f)]));
    problems.push(
      ...validateDomain(domain, graphs, {
        locate,
        locateOffset: (p, offset) => locateInString(sources, written, dialect.remap.map(p), offset),
        invalid,
        brokenSteps,
      }),
    );
  }

  if (!domain || problems.some((p) => p.severity === "error")) throw new DomainLoadError(problems);
  return {
    domain,
    graphs,
    baseDir,
    files,
    warnings: sortProblems(problems),
    locate: (p) => locate(p),
  };
}

/**
 * Removes (and reports) `__proto__` keys anywhere in the data: once validated into plain
 * objects such a key would set the object's prototype instead of defining a name.
 */
function stripProtoKeys(value: unknown, at: PathSegment[], locate: Locator): DomainProblem[] {
  if (typeof value !== "object" || value === null) return [];
  const problems: DomainProblem[] = [];
  if (!Array.isArray(value) && Object.hasOwn(value, "__proto__")) {
    problems.push({
      ...locate([...at, "__proto__"], { key: true }),
      message: "'__proto__' cannot be used as a name or key; choose another name",
      severity: "error",
    });
    Reflect.deleteProperty(value, "__proto__");
  }
  for (const [key, child] of Object.entries(value)) {
    problems.push(
      ...stripProtoKeys(child, [...at, Array.isArray(value) ? Number(key) : key], locate),
    );
  }
  return problems;
}

/** A step the schema rejected, kept as an inert placeholder so the rest of its flow is checked. */
function placeholder(original: unknown, index: number): Record<string, unknown> {
  const raw = (original ?? {}) as Record<string, unknown>;
  const id =
    typeof raw.step === "string" && IDENTIFIER.test(raw.step) ? raw.step : `__invalid_${index}`;
  // A broken while keeps its body: the steps inside are checked (and targeted) on their own.
  if (raw.type === "while" && Array.isArray(raw.do) && raw.do.length > 0) {
    return { step: id, type: "while", condition: "true", do: raw.do };
  }
  return { step: id, type: "say", message: "" };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The domain minus what the schema rejected, so the rest can still be checked: a broken step
 * becomes an inert placeholder (its flow's other steps keep their places), any other broken
 * slot/action/flow is dropped, and its name recorded so references to it are not reported again.
 */
function salvage(
  data: Record<string, unknown>,
  issues: readonly { path: readonly PropertyKey[] }[],
  invalid: Record<Sections, Set<string>>,
  brokenSteps: Map<string, Set<string>>,
): Domain | undefined {
  const copy = structuredClone(data);
  for (const { path: issuePath } of issues) {
    const [section, name] = issuePath as PathSegment[];
    if (section === undefined) {
      // Unknown top-level keys: keep only what the schema knows.
      for (const key of Object.keys(copy)) {
        if (
          !["version", "settings", "slots", "actions", "flows", "patterns", "examples"].includes(
            key,
          )
        ) {
          delete copy[key];
        }
      }
    } else if (
      (section === "slots" || section === "actions" || section === "flows") &&
      name !== undefined
    ) {
      const entries = copy[section] as Record<string, unknown> | undefined;
      if (!entries || typeof entries !== "object" || !Object.hasOwn(entries, name)) continue;
      if (
        section === "flows" &&
        replaceStep(entries[name], issuePath.slice(2) as PathSegment[], String(name), brokenSteps)
      ) {
        continue;
      }
      delete entries[String(name)];
      invalid[section].add(String(name));
    } else if (section === "examples") {
      dropBrokenExample(copy, issuePath as PathSegment[]);
    } else {
      delete copy[String(section)];
    }
  }
  const retry = domainSchema.safeParse(copy);
  return retry.success ? retry.data : undefined;
}

/** Replaces the innermost step on `path` (inside one flow) with a placeholder; false if none. */
function replaceStep(
  flow: unknown,
  path: readonly PathSegment[],
  flowName: string,
  brokenSteps: Map<string, Set<string>>,
): boolean {
  let owner: unknown = flow;
  let list: unknown[] | undefined;
  let index = -1;
  let container: unknown = flow;
  for (let i = 0; i + 1 < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    const value = (container as Record<PathSegment, unknown> | undefined)?.[key];
    if ((key === "steps" || key === "do") && Array.isArray(value) && typeof next === "number") {
      list = value;
      index = next;
      owner = value[next];
      container = owner;
      i++;
    } else if (typeof value === "object" && value !== null) {
      container = value;
    } else {
      break;
    }
  }
  if (!list || index < 0 || index >= list.length || owner === undefined) return false;
  const replacement = placeholder(list[index], index);
  list[index] = replacement;
  const ids = brokenSteps.get(flowName) ?? new Set<string>();
  ids.add(replacement.step as string);
  brokenSteps.set(flowName, ids);
  return true;
}
