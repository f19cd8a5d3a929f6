#!/usr/bin/env node
// Installed package: runs the compiled JavaScript in dist/. Inside the repository checkout
// (src/ is there, dist/ may not be): runs the TypeScript sources through tsx, and makes
// `import ... from "soni"` (the examples' handlers) resolve to those sources too.
import { existsSync } from "node:fs";

const sources = new URL("../src/cli/main.ts", import.meta.url);
if (existsSync(sources)) {
  const [{ register: registerTsx }, { register }] = await Promise.all([
    import("tsx/esm/api"),
    import("node:module"),
  ]);
  registerTsx();
  register("../scripts/checkout-soni.js", import.meta.url);
  await import(sources.href);
} else {
  await import("../dist/cli/main.js");
}
