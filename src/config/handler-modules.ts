import path from "node:path";
import type { LoadedDomain } from "./loaded-domain.ts";

/** The handler modules named by `settings.handlers`, as absolute paths (relative to the domain). */
export function handlerModulePaths(loaded: LoadedDomain): string[] {
  const handlers = loaded.domain.settings.handlers;
  const list = handlers === undefined ? [] : Array.isArray(handlers) ? handlers : [handlers];
  return list.map((p) => path.resolve(loaded.baseDir, p));
}
