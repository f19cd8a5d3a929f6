// Module resolution hook for running inside the repository checkout: `import ... from "soni"`
// (the examples' handlers, or any handler module run with this checkout's CLI) loads this
// checkout's sources, the same copy of Soni the CLI itself runs, not a maybe stale dist/.
const sources = new URL("../src/index.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "soni") return { url: sources, shortCircuit: true };
  return nextResolve(specifier, context);
}
