import { register } from "node:module";
import { pathToFileURL } from "node:url";

const TYPESCRIPT = /\.(ts|mts|cts|tsx)$/i;
let typescriptLoader: Promise<void> | undefined;

/**
 * Imports a module the domain names (handler modules, a custom store) by absolute path.
 * TypeScript modules load without a build step, in any folder: tsx's loader plus
 * typescript-hooks.ts are registered once, before the first one is imported.
 */
export async function importUserModule(
  file: string,
  /** Another URL of the same file (e.g. one that imports it anew); default: its file URL. */
  href: string = pathToFileURL(file).href,
): Promise<Record<string, unknown>> {
  if (TYPESCRIPT.test(file)) {
    typescriptLoader ??= registerTypeScriptLoader();
    await typescriptLoader;
  }
  return (await import(href)) as Record<string, unknown>;
}

async function registerTypeScriptLoader(): Promise<void> {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  // typescript-hooks.js next to this file once built, .ts when running from the sources.
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  register(`./typescript-hooks${extension}`, import.meta.url);
}
