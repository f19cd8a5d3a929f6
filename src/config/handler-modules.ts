import { existsSync } from "node:fs";
import path from "node:path";
import type { LoadedDomain } from "./loaded-domain.ts";

/** Looked for next to a domain read from disk that names no `settings.handlers`. */
export const CONVENTIONAL_HANDLER_FILES = [
  "handlers.ts",
  "handlers.mts",
  "handlers.js",
  "handlers.mjs",
];

/**
 * The handler modules named by `settings.handlers`, as absolute paths (relative to the domain).
 * Without that setting, a domain read from disk uses the first `handlers.*` file of its folder
 * (docs/handlers.md); a domain given as text gets none.
 */
export function handlerModulePaths(loaded: LoadedDomain): string[] {
  const handlers = loaded.domain.settings.handlers;
  if (handlers === undefined) {
    if (loaded.files.length === 0) return [];
    const found = CONVENTIONAL_HANDLER_FILES.map((f) => path.join(loaded.baseDir, f)).find((f) =>
      existsSync(f),
    );
    return found ? [found] : [];
  }
  const list = Array.isArray(handlers) ? handlers : [handlers];
  return list.map((p) => path.resolve(loaded.baseDir, p));
}
