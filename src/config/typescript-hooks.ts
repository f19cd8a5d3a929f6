/**
 * Module loader hooks for users' TypeScript modules (handlers, custom stores) (registered by user-module.ts,
 * after tsx's, so they run first). A `.ts` file outside node_modules is compiled as an ES module
 * whatever its folder's package.json says: the `"type": "commonjs"` that `npm init -y` writes
 * would otherwise make it a CommonJS module whose `import ... from "soni"` fails to load. tsx
 * still resolves `./lib.js` to `./lib.ts` and handles everything else.
 */
import { readFile } from "node:fs/promises";
import type { LoadHook } from "node:module";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const USER_TYPESCRIPT = /\.(ts|mts|tsx)$/;
const NODE_MODULES = /[\\/]node_modules[\\/]/;

export const load: LoadHook = async (url, context, nextLoad) => {
  if (!url.startsWith("file:")) return nextLoad(url, context);
  const location = new URL(url);
  location.search = "";
  location.hash = "";
  const file = fileURLToPath(location);
  if (!USER_TYPESCRIPT.test(file) || file.endsWith(".d.ts") || NODE_MODULES.test(file)) {
    return nextLoad(url, context);
  }
  const source = await readFile(file, "utf8");
  const { code } = await transform(source, {
    loader: file.endsWith(".tsx") ? "tsx" : "ts",
    format: "esm",
    target: "node20",
    sourcefile: file,
    sourcemap: "inline",
  });
  return { format: "module", source: code, shortCircuit: true };
};
