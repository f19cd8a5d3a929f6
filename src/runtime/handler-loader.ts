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
  for (const name of Object.keys(domain.domain.actions)) {
    if (!Object.hasOwn(actions, name)) {
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
        problems.push(
          `slot '${slot}' names ${kind.slice(0, -1)} '${name}', but no handler module exports ${kind}.${name} (looked in ${where})${hint}`,
        );
      }
    }
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
