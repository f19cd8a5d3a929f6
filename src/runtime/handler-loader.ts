import { existsSync } from "node:fs";
import path from "node:path";
import { handlerModulePaths } from "../config/handler-modules.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { importUserModule } from "../config/user-module.ts";
import { commonDirectory, freshImportUrl } from "./fresh-import.ts";
import type { HandlerSet } from "./handlers.ts";

const KINDS = ["actions", "validators", "normalizers"] as const;
type Kind = (typeof KINDS)[number];

/** One or more problems with handler modules; `problems` lists each, `message` all of them. */
export class HandlerLoadError extends Error {
  override readonly name = "HandlerLoadError";
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `handler problem: ${problems[0]}`
        : `${problems.length} handler problems:\n- ${problems.join("\n- ")}`,
    );
  }
}

/** A merged handler set plus which module each handler came from (for error messages). */
export interface LoadedHandlers {
  handlers: Required<HandlerSet>;
  /** `actions.get_balance` -> module path as given. */
  origin: Map<string, string>;
  modules: string[];
  /** With `stubMissing`: the handlers no module exports that stand in as stubs (`actions.x`). */
  stubbed: string[];
}

export interface LoadHandlersOptions {
  /** Modules given explicitly (`--handlers`), resolved against `cwd`; replace settings.handlers. */
  modules?: string[];
  cwd?: string;
  /**
   * Evaluates the modules anew for each distinct token: their top-level state, and that of the
   * modules they import from the directory holding the domain and them, starts over
   * (conversation tests load the handlers once per test).
   */
  freshImport?: string;
  /**
   * Handlers the domain names but no module exports run as stubs instead of failing the load:
   * an action returns no outputs, a validator accepts every value, a normalizer keeps it
   * (`soni chat --stub-handlers`, to try a domain's conversations before its handlers exist).
   */
  stubMissing?: boolean;
}

/** The modules a domain names: settings.handlers, relative to the domain's directory. */
export function handlerModulesOf(
  domain: LoadedDomain,
  options: LoadHandlersOptions = {},
): string[] {
  if (options.modules && options.modules.length > 0) {
    const cwd = options.cwd ?? process.cwd();
    return options.modules.map((m) => path.resolve(cwd, m));
  }
  return handlerModulePaths(domain);
}

/**
 * Imports the handler modules, merges their `actions`/`validators`/`normalizers` (named
 * exports, or a default export object with those keys) and checks them against the domain.
 * Throws HandlerLoadError naming the module and the handler for every problem found.
 */
export async function loadHandlers(
  domain: LoadedDomain,
  options: LoadHandlersOptions = {},
): Promise<LoadedHandlers> {
  const modules = handlerModulesOf(domain, options);
  const loaded: LoadedHandlers = {
    handlers: { actions: {}, validators: {}, normalizers: {} },
    origin: new Map(),
    modules,
    stubbed: [],
  };
  const problems: string[] = [];
  const token = options.freshImport;
  const fresh =
    token === undefined
      ? undefined
      : { token, root: commonDirectory([domain.baseDir, ...modules.map((m) => path.dirname(m))]) };
  for (const file of modules) {
    let exports: Record<string, unknown>;
    try {
      exports = await importUserModule(
        file,
        fresh ? freshImportUrl(file, fresh.root, fresh.token).href : undefined,
      );
    } catch (error) {
      problems.push(`cannot load handler module ${file}: ${describe(error)}`);
      continue;
    }
    problems.push(...mergeModule(loaded, file, exports));
  }
  // A module that did not load explains every handler missing after it: say only that.
  const failedToLoad = problems.some((p) => p.startsWith("cannot load handler module"));
  if (!failedToLoad && options.stubMissing) stubMissing(domain, loaded);
  if (!failedToLoad) problems.push(...checkHandlers(domain, loaded));
  if (problems.length > 0) throw new HandlerLoadError(problems);
  return loaded;
}

/** Wraps an in-memory handler set (RuntimeLoop's `handlers` option) the way loadHandlers would. */
export function handlersFromSet(set: HandlerSet, label = "the handlers option"): LoadedHandlers {
  const loaded: LoadedHandlers = {
    handlers: { actions: {}, validators: {}, normalizers: {} },
    origin: new Map(),
    modules: [label],
    stubbed: [],
  };
  const problems = mergeModule(loaded, label, set as Record<string, unknown>, false);
  if (problems.length > 0) throw new HandlerLoadError(problems);
  return loaded;
}

function mergeModule(
  loaded: LoadedHandlers,
  file: string,
  exports: Record<string, unknown>,
  requireExports = true,
): string[] {
  const problems: string[] = [];
  const fallback = isRecord(exports.default) ? exports.default : {};
  let found = false;
  for (const kind of KINDS) {
    const group = exports[kind] ?? fallback[kind];
    if (group === undefined) continue;
    found = true;
    if (!isRecord(group)) {
      problems.push(`${file}: export '${kind}' must be an object of functions`);
      continue;
    }
    for (const [name, fn] of Object.entries(group)) {
      const key = `${kind}.${name}`;
      if (typeof fn !== "function") {
        problems.push(`${file}: ${key} is ${typeof fn}, not a function`);
        continue;
      }
      const earlier = loaded.origin.get(key);
      if (earlier !== undefined) {
        problems.push(`${file}: ${key} is also exported by ${earlier}; keep one of them`);
        continue;
      }
      (loaded.handlers[kind] as Record<string, unknown>)[name] = fn;
      loaded.origin.set(key, file);
    }
  }
  if (!found && requireExports) {
    const loose = Object.keys(exports).filter((name) => typeof exports[name] === "function");
    problems.push(
      loose.length > 0
        ? `${file}: exports ${loose.join(", ")} as top-level functions, but handlers are read from objects named after their kind: export const actions = { ${loose.join(", ")} } (and validators, normalizers the same way)`
        : `${file}: exports none of actions, validators, normalizers (export them by name or as a default object)`,
    );
  }
  return problems;
}

/** Fills in a stub for each handler the domain names that no module exports. */
function stubMissing(domain: LoadedDomain, loaded: LoadedHandlers): void {
  const stub = (kind: Kind, name: string, fn: (...args: never[]) => unknown) => {
    const group = loaded.handlers[kind] as Record<string, unknown>;
    if (Object.hasOwn(group, name)) return;
    group[name] = fn;
    loaded.stubbed.push(`${kind}.${name}`);
  };
  for (const name of Object.keys(domain.domain.actions)) stub("actions", name, () => undefined);
  for (const definition of Object.values(domain.domain.slots)) {
    if (definition.validator) stub("validators", definition.validator, () => true);
    if (definition.normalizer) stub("normalizers", definition.normalizer, (v: never) => v);
  }
}

/** Python modules the original Soni's domains keep next to their YAML (or one folder up). */
const PYTHON_HANDLER_FILES = ["handlers.py", "validators.py", "actions.py"];

function pythonHandlerFiles(domain: LoadedDomain): string[] {
  if (domain.files.length === 0) return [];
  const dirs = [domain.baseDir, path.dirname(domain.baseDir)];
  return dirs.flatMap((dir) =>
    PYTHON_HANDLER_FILES.map((f) => path.join(dir, f)).filter((f) => existsSync(f)),
  );
}

/**
 * The domain and the handlers must match: every declared action has a handler, every action
 * handler has a declaration, every validator/normalizer a slot names is exported.
 */
export function checkHandlers(domain: LoadedDomain, loaded: LoadedHandlers): string[] {
  const problems: string[] = [];
  const where = loaded.modules.length > 0 ? loaded.modules.join(", ") : "(no handler modules)";
  const hint =
    loaded.modules.length > 0 ? "" : " — name a module in settings.handlers or pass --handlers";
  const { actions, validators, normalizers } = loaded.handlers;
  let missing = 0;
  for (const name of Object.keys(domain.domain.actions)) {
    if (!Object.hasOwn(actions, name)) {
      missing++;
      problems.push(
        `action '${name}' is declared in the domain but no handler module exports actions.${name} (looked in ${where})${hint}`,
      );
    }
  }
  for (const name of Object.keys(actions)) {
    if (!Object.hasOwn(domain.domain.actions, name)) {
      problems.push(
        `${loaded.origin.get(`actions.${name}`)}: exports a handler for action '${name}', which the domain does not declare; add it under actions: or remove the handler`,
      );
    }
  }
  for (const [slot, definition] of Object.entries(domain.domain.slots)) {
    const named: [Kind, string | undefined][] = [
      ["validators", definition.validator],
      ["normalizers", definition.normalizer],
    ];
    for (const [kind, name] of named) {
      if (name === undefined) continue;
      const group = kind === "validators" ? validators : normalizers;
      if (!Object.hasOwn(group, name)) {
        missing++;
        problems.push(
          `slot '${slot}' names ${kind.slice(0, -1)} '${name}', but no handler module exports ${kind}.${name} (looked in ${where})${hint}`,
        );
      }
    }
  }
  // An original Soni domain brought with its Python handlers: say why they are not found.
  const python = missing > 0 ? pythonHandlerFiles(domain) : [];
  if (python.length > 0) {
    problems.push(
      `${python.join(", ")}: Python handlers of the original Soni are not run by this version; port them to a TypeScript module (docs/migrating-from-python.md, "Handlers") — or try the conversations first with \`soni chat --stub-handlers\`, which runs each missing handler as a stub`,
    );
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The cause and where it happened: the stack when there is one (it starts with the message). */
function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
