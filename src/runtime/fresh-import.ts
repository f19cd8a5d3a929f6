import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/*
 * Importing a module graph anew. A module is evaluated once per URL, so a token in the query of
 * the imported module gives it fresh top-level state; a resolve hook hands the same token to the
 * modules it imports from inside `root` (never node_modules), so their state is fresh too.
 * Conversation tests use it to give every test its own handler modules.
 */

const TOKEN = "soni-fresh";
const ROOT = "soni-fresh-root";

// Runs in Node's hooks thread, so it is plain JavaScript given as a data: URL.
const HOOKS = `
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (!context.parentURL || !result.url.startsWith("file:")) return result;
  // require() of a module that took the token (CommonJS handlers) keeps the shared copy.
  if (context.conditions && context.conditions.includes("require")) return result;
  const parent = new URL(context.parentURL);
  const token = parent.searchParams.get("${TOKEN}");
  const root = parent.searchParams.get("${ROOT}");
  if (token === null || root === null) return result;
  const url = new URL(result.url);
  if (!url.pathname.startsWith(root) || url.pathname.includes("/node_modules/")) return result;
  url.searchParams.set("${TOKEN}", token);
  url.searchParams.set("${ROOT}", root);
  return { ...result, url: url.href };
}
`;

let hooked = false;

/**
 * The URL that imports `file` anew for each distinct `token`, together with the modules it
 * imports (directly or not) from under `root`. Without module hooks (Node before 20.6) only
 * `file` itself is fresh.
 */
export function freshImportUrl(file: string, root: string, token: string): URL {
  if (!hooked) {
    hooked = true;
    if (typeof register === "function") {
      register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
    }
  }
  const url = pathToFileURL(file);
  url.searchParams.set(TOKEN, token);
  url.searchParams.set(ROOT, pathToFileURL(root + path.sep).pathname);
  return url;
}

/** The deepest directory holding all of `paths` (absolute). */
export function commonDirectory(paths: readonly string[]): string {
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join(path.sep) || path.sep;
}
