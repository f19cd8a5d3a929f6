import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { DomainLoadError } from "../config/errors.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { loadDomain, loadDomainFromText } from "../config/loader.ts";
import { ApiError } from "./errors.ts";

export const DEFAULT_CONFIG_FILE = "soni.yaml";

/** Where the startup domain comes from, and which source named it (for the logs). */
export interface ConfigLocation {
  path: string;
  source: "--config" | "SONI_CONFIG_PATH" | "default";
}

export function resolveConfigLocation(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): ConfigLocation {
  if (flag) return { path: path.resolve(cwd, flag), source: "--config" };
  if (env.SONI_CONFIG_PATH) {
    return { path: path.resolve(cwd, env.SONI_CONFIG_PATH), source: "SONI_CONFIG_PATH" };
  }
  return { path: path.resolve(cwd, DEFAULT_CONFIG_FILE), source: "default" };
}

/** The startup domain, or null when nothing exists at the path (the server starts unconfigured). */
export async function loadConfiguredDomain(location: ConfigLocation): Promise<LoadedDomain | null> {
  if (!existsSync(location.path)) return null;
  return loadDomain(location.path);
}

/**
 * The directory relative module paths of a POSTed domain resolve against: the --config directory
 * (the path itself when it is a directory, else its parent), or the working directory.
 */
export function postedDomainBaseDir(location: ConfigLocation | null, cwd: string): string {
  if (!location || location.source === "default") return cwd;
  if (existsSync(location.path) && statSync(location.path).isDirectory()) return location.path;
  return path.dirname(location.path);
}

export const POSTED_DOMAIN_NAME = "POST /config";

function moduleEntries(document: unknown): { key: string; value: string }[] {
  if (typeof document !== "object" || document === null) return [];
  const settings = (document as { settings?: unknown }).settings;
  if (typeof settings !== "object" || settings === null) return [];
  const { handlers, persistence } = settings as { handlers?: unknown; persistence?: unknown };
  const entries: { key: string; value: string }[] = [];
  const handlerList = Array.isArray(handlers) ? handlers : [handlers];
  handlerList.forEach((value, index) => {
    if (typeof value === "string") {
      entries.push({
        key: Array.isArray(handlers) ? `settings.handlers[${index}]` : "settings.handlers",
        value,
      });
    }
  });
  if (typeof persistence === "object" && persistence !== null) {
    const { module, path: file } = persistence as { module?: unknown; path?: unknown };
    if (typeof module === "string")
      entries.push({ key: "settings.persistence.module", value: module });
    if (typeof file === "string") entries.push({ key: "settings.persistence.path", value: file });
  }
  return entries;
}

/**
 * A posted domain may only name files below `baseDir` (handler and checkpointer modules, the
 * SQLite file): the body must never make the server load or write an arbitrary path.
 */
function checkPostedPaths(text: string, baseDir: string): string[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    return []; // the loader reports syntax errors with their location
  }
  return moduleEntries(document)
    .filter(({ value }) => {
      const resolved = path.resolve(baseDir, value);
      const relative = path.relative(baseDir, resolved);
      return path.isAbsolute(value) || relative.startsWith("..") || path.isAbsolute(relative);
    })
    .map(
      ({ key, value }) =>
        `${key}: '${value}' is outside the server's domain directory; a posted domain may only name relative paths below it (${baseDir})`,
    );
}

/**
 * Validates and loads a domain sent to POST /config. JSON is checked as JSON first (for a clear
 * message), then loaded through the YAML loader, of which it is a subset, so problems point at
 * lines of the text as sent. Throws ApiError 400 listing every problem.
 */
export async function loadPostedDomain(
  text: string,
  format: "yaml" | "json",
  baseDir: string,
): Promise<LoadedDomain> {
  if (text.trim() === "") {
    throw new ApiError(
      400,
      "invalid_request",
      "The body is empty: send the domain as YAML (content-type text/yaml) or JSON (application/json)",
    );
  }
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ApiError(
        400,
        "invalid_json",
        `The body is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const outside = checkPostedPaths(text, baseDir);
  if (outside.length > 0) {
    throw new ApiError(400, "invalid_domain", outside.join("; "), { details: outside });
  }
  try {
    return await loadDomainFromText(text, POSTED_DOMAIN_NAME, baseDir);
  } catch (error) {
    if (error instanceof DomainLoadError) {
      const details = error.format().split("\n");
      throw new ApiError(400, "invalid_domain", `The domain is invalid:\n${details.join("\n")}`, {
        details,
      });
    }
    throw error;
  }
}
