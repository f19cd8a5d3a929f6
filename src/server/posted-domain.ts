import { DomainLoadError, type DomainProblem, formatProblem } from "../config/errors.ts";
import type { FlowGraph } from "../config/flow-graph.ts";
import { handlerModulePaths } from "../config/handler-modules.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { loadDomainFromText } from "../config/loader.ts";
import {
  type Domain,
  duSettingsSchema,
  persistenceSettingsSchema,
  type Settings,
} from "../config/schema.ts";
import type { Locator, YamlLimits } from "../config/yaml-source.ts";

/** Stands for the file in the problems of a posted domain: `POST /config:LINE:COL  message`. */
export const POSTED_DOMAIN_NAME = "POST /config";

/**
 * Bounds on a posted document's shape. A large real domain (thousands of flows) stays well below
 * them; a body of a megabyte made of nothing but tiny values or nesting does not.
 */
export const POSTED_DOMAIN_LIMITS: YamlLimits = { maxNodes: 250_000, maxDepth: 64 };

/**
 * What a posted domain cannot decide, because it would name code, secrets or network
 * destinations: the server's own values, which every posted domain gets.
 */
export interface ServerOwnedSettings {
  /** Handler modules every runtime loads (absolute paths). */
  handlers: string[];
  persistence: Settings["persistence"];
  du: Pick<Settings["du"], "base_url" | "api_key_env">;
  /** Directory the startup domain's relative paths resolve against. */
  baseDir: string;
}

/** The server-owned part of a domain (the startup one, or the defaults when there is none). */
export function serverOwnedSettings(
  domain: LoadedDomain | null,
  fallbackBaseDir: string,
  handlerModules?: string[],
): ServerOwnedSettings {
  const settings = domain?.domain.settings;
  const du = settings?.du ?? duSettingsSchema.parse({});
  return {
    handlers: handlerModules ?? (domain ? handlerModulePaths(domain) : []),
    persistence: settings?.persistence ?? persistenceSettingsSchema.parse({}),
    du: { base_url: du.base_url, api_key_env: du.api_key_env },
    baseDir: domain?.baseDir ?? fallbackBaseDir,
  };
}

/** A posted body for the parser (plain data: it crosses to a worker thread). */
export interface ParseJob {
  text: string;
  format: "yaml" | "json";
  owned: Pick<ServerOwnedSettings, "persistence" | "du">;
}

/** The parser's answer: the validated domain, or the HTTP error it deserves. */
export type ParseOutcome =
  | {
      ok: true;
      domain: Domain;
      graphs: Map<string, FlowGraph>;
      warnings: DomainProblem[];
    }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      details?: string[];
      /** For the server's log only (an internal error's stack), never for the client. */
      internal?: string;
    };

/** JSON with sorted keys and no undefined values: equal settings give equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * The rules a posted domain obeys on top of the DSL: it names no handler module, and it may
 * repeat but not change the server's store and model endpoint. Values it names are never
 * echoed, so the answer says nothing about them either.
 */
export function serverOwnedProblems(
  data: Record<string, unknown>,
  locate: Locator,
  owned: ParseJob["owned"],
): DomainProblem[] {
  const settings = record(data.settings);
  if (!settings) return [];
  const problems: DomainProblem[] = [];
  const problem = (path: string[], message: string) =>
    problems.push({ ...locate(path, { key: true }), message, severity: "error" });
  if (Object.hasOwn(settings, "handlers")) {
    problem(
      ["settings", "handlers"],
      "settings.handlers: a posted domain cannot name handler modules; it uses the server's own (started with --handlers, SONI_HANDLERS or the startup domain's settings.handlers). Remove this key",
    );
  }
  if (Object.hasOwn(settings, "persistence")) {
    const posted = persistenceSettingsSchema.safeParse(settings.persistence);
    if (posted.success && canonical(posted.data) !== canonical(owned.persistence)) {
      problem(
        ["settings", "persistence"],
        "settings.persistence: the store cannot be changed by POST /config (it is opened at startup); remove this key to keep the server's store, or change the startup domain and restart the server",
      );
    }
  }
  const du = record(settings.du);
  if (du) {
    for (const key of ["base_url", "api_key_env"] as const) {
      const defaults = duSettingsSchema.parse({});
      const value = Object.hasOwn(du, key) ? du[key] : undefined;
      if (value === undefined || value === (owned.du[key] ?? defaults[key])) continue;
      problem(
        ["settings", "du", key],
        `settings.du.${key}: the model endpoint and its key cannot be changed by POST /config; remove this key to keep the server's, or change the startup domain and restart the server`,
      );
    }
  }
  return problems;
}

/**
 * Parses and validates a posted domain (in the parser's worker thread). Never throws: every
 * failure becomes the answer to send.
 */
export async function parsePostedDomain(job: ParseJob): Promise<ParseOutcome> {
  if (job.text.trim() === "") {
    return {
      ok: false,
      status: 400,
      code: "invalid_request",
      message:
        "The body is empty: send the domain as YAML (content-type text/yaml) or JSON (application/json)",
    };
  }
  if (job.format === "json") {
    try {
      JSON.parse(job.text);
    } catch (error) {
      return {
        ok: false,
        status: 400,
        code: "invalid_json",
        message: `The body is not valid JSON: ${(error as Error).message}`,
      };
    }
  }
  try {
    // The base directory is the server's, set once the domain is back on the main thread.
    const loaded = await loadDomainFromText(job.text, POSTED_DOMAIN_NAME, ".", {
      limits: POSTED_DOMAIN_LIMITS,
      check: (data, locate) => serverOwnedProblems(data, locate, job.owned),
    });
    return {
      ok: true,
      domain: loaded.domain,
      graphs: loaded.graphs,
      warnings: loaded.warnings ?? [],
    };
  } catch (error) {
    if (error instanceof DomainLoadError) {
      const details = error.problems.map((problem) => formatProblem(problem));
      return {
        ok: false,
        status: 400,
        code: "invalid_domain",
        message: `The domain is invalid:\n${details.join("\n")}`,
        details,
      };
    }
    if (error instanceof RangeError) {
      return tooComplex("it is nested too deeply to be read");
    }
    throw error;
  }
}

export function tooComplex(why: string): ParseOutcome {
  return {
    ok: false,
    status: 413,
    code: "domain_too_complex",
    message: `The domain is too complex to load: ${why}; send a smaller domain`,
  };
}

/**
 * The posted domain as the server runs it: its relative paths resolve against the startup
 * domain's directory, and the server-owned settings are the server's.
 */
export function adoptPostedDomain(
  outcome: Extract<ParseOutcome, { ok: true }>,
  owned: ServerOwnedSettings,
): LoadedDomain {
  const { domain } = outcome;
  domain.settings.handlers = [...owned.handlers];
  domain.settings.persistence = structuredClone(owned.persistence);
  domain.settings.du.base_url = owned.du.base_url;
  domain.settings.du.api_key_env = owned.du.api_key_env;
  return {
    domain,
    graphs: outcome.graphs,
    baseDir: owned.baseDir,
    files: [],
    warnings: outcome.warnings,
    // Only the CLI asks where a value was written; a posted domain's text is gone by now.
    locate: () => undefined,
  };
}
