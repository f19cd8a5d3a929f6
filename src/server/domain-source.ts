import { existsSync } from "node:fs";
import path from "node:path";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { loadDomain } from "../config/loader.ts";

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
 * Handler modules given to the server itself (`--handlers`, else SONI_HANDLERS, comma-separated),
 * as absolute paths; undefined when neither is set (the startup domain's settings.handlers apply).
 */
export function resolveHandlerModules(
  flag: string[] | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): string[] | undefined {
  const given =
    flag && flag.length > 0
      ? flag
      : (env.SONI_HANDLERS ?? "")
          .split(",")
          .map((entry) => entry.trim())
          .filter((entry) => entry !== "");
  return given.length > 0 ? given.map((module) => path.resolve(cwd, module)) : undefined;
}
