// Module resolution hook used inside the repository checkout: adds the "soni-source" export
// condition, so `import ... from "soni"` loads src/index.ts rather than a (maybe stale) dist/.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "soni-source"] });
}
