import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain, loadDomainFromText } from "../../src/config/loader.ts";
import { HandlerLoadError, loadHandlers } from "../../src/runtime/handler-loader.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "soni-handlers-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DOMAIN = (handlers: string) => `
settings:
  handlers: ${handlers}
slots:
  code: { type: string, validator: code_format, normalizer: trim }
actions:
  lookup: { inputs: [code] }
flows:
  f:
    steps:
      - { step: ask, type: collect, slot: code }
      - { step: go, type: action, action: lookup }
`;

async function domainWith(handlers: string): Promise<LoadedDomain> {
  return loadDomainFromText(DOMAIN(handlers), "test.yaml", dir);
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerLoadError) return error.problems;
    throw error;
  }
  throw new Error("expected a HandlerLoadError");
}

describe("loadHandlers", () => {
  it("loads a TypeScript module with named exports, relative to the domain", async () => {
    await writeFile(
      path.join(dir, "good.ts"),
      `import type { SlotValue } from "${path.resolve("src/protocol/commands.ts")}";
export const actions = { lookup: (inputs: Record<string, SlotValue>) => ({ found: inputs.code }) };
export const validators = { code_format: (v: SlotValue): boolean => typeof v === "string" };
export const normalizers = { trim: (v: SlotValue) => String(v).trim() };
`,
    );
    const loaded = await loadHandlers(await domainWith("good.ts"));
    expect(Object.keys(loaded.handlers.actions)).toEqual(["lookup"]);
    expect(loaded.handlers.normalizers.trim?.(" x ", {} as never)).toBe("x");
  });

  it("merges several modules, and a default export object works too", async () => {
    await writeFile(
      path.join(dir, "part-a.mjs"),
      "export default { actions: { lookup: () => ({}) } };\n",
    );
    await writeFile(
      path.join(dir, "part-b.mjs"),
      "export const validators = { code_format: () => true };\nexport const normalizers = { trim: (v) => v };\n",
    );
    const loaded = await loadHandlers(await domainWith("[part-a.mjs, part-b.mjs]"));
    expect(loaded.origin.get("actions.lookup")).toBe(path.join(dir, "part-a.mjs"));
    expect(loaded.origin.get("validators.code_format")).toBe(path.join(dir, "part-b.mjs"));
  });

  it("reports a declared action without handler, a handler for no action, missing validators", async () => {
    await writeFile(
      path.join(dir, "wrong.mjs"),
      "export const actions = { lookpu: () => ({}) };\nexport const normalizers = { trim: (v) => v };\n",
    );
    const problems = await problemsOf(loadHandlers(await domainWith("wrong.mjs")));
    expect(problems).toEqual([
      expect.stringMatching(
        /^action 'lookup' is declared in the domain but no handler module exports actions\.lookup \(looked in .*wrong\.mjs\)$/,
      ),
      expect.stringMatching(
        /wrong\.mjs: exports a handler for action 'lookpu', which the domain does not declare/,
      ),
      expect.stringMatching(
        /^slot 'code' names validator 'code_format', but no handler module exports validators\.code_format/,
      ),
    ]);
  });

  it("reports duplicates across modules and non-function exports", async () => {
    await writeFile(
      path.join(dir, "dup-a.mjs"),
      "export const actions = { lookup: () => ({}) };\n",
    );
    await writeFile(
      path.join(dir, "dup-b.mjs"),
      "export const actions = { lookup: () => ({}) };\nexport const validators = { code_format: 42 };\nexport const normalizers = { trim: (v) => v };\n",
    );
    const problems = await problemsOf(loadHandlers(await domainWith("[dup-a.mjs, dup-b.mjs]")));
    expect(problems).toContainEqual(
      expect.stringMatching(/dup-b\.mjs: actions\.lookup is also exported by .*dup-a\.mjs/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/dup-b\.mjs: validators\.code_format is number, not a function/),
    );
  });

  it("tells a module exporting loose functions how to group them", async () => {
    await writeFile(path.join(dir, "loose.mjs"), "export const lookup = () => ({});\n");
    const problems = await problemsOf(loadHandlers(await domainWith("loose.mjs")));
    expect(problems[0]).toMatch(
      /loose\.mjs: exports lookup as top-level functions, .*export const actions = \{ lookup \}/,
    );
  });

  it("uses handlers.ts next to a domain read from disk that names no settings.handlers", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "soni-conventional-"));
    await writeFile(
      path.join(folder, "soni.yaml"),
      DOMAIN("x")
        .replace("settings:\n  handlers: x\n", "")
        .replace("validator: code_format, normalizer: trim", ""),
    );
    await writeFile(
      path.join(folder, "handlers.ts"),
      "export const actions = { lookup: () => ({}) };\n",
    );
    const loaded = await loadHandlers(await loadDomain(path.join(folder, "soni.yaml")));
    expect(loaded.modules).toEqual([path.join(folder, "handlers.ts")]);
    expect(Object.keys(loaded.handlers.actions)).toEqual(["lookup"]);
    await rm(folder, { recursive: true, force: true });
  });

  it("reports a module that cannot be loaded, naming it", async () => {
    const problems = await problemsOf(loadHandlers(await domainWith("missing.ts")));
    expect(problems[0]).toMatch(/^cannot load handler module .*missing\.ts: /);
  });

  it("explicit modules (--handlers) replace settings.handlers and resolve against cwd", async () => {
    await writeFile(
      path.join(dir, "explicit.mjs"),
      "export const actions = { lookup: () => ({}) };\nexport const validators = { code_format: () => true };\nexport const normalizers = { trim: (v) => v };\n",
    );
    const loaded = await loadHandlers(await domainWith("missing.ts"), {
      modules: ["explicit.mjs"],
      cwd: dir,
    });
    expect(loaded.modules).toEqual([path.join(dir, "explicit.mjs")]);
  });

  it("loads the banking example's handlers for the banking domain", async () => {
    const { loadDomain } = await import("../../src/config/loader.ts");
    const banking = await loadDomain(path.resolve("examples/banking"));
    const loaded = await loadHandlers(banking);
    expect(Object.keys(loaded.handlers.actions).sort()).toEqual(
      Object.keys(banking.domain.actions).sort(),
    );
  });

  it("stubMissing runs what no module exports as stubs and lists them", async () => {
    await writeFile(
      path.join(dir, "partial.mjs"),
      "export const actions = { lookup: () => ({ found: 1 }) };\n",
    );
    const loaded = await loadHandlers(await domainWith("partial.mjs"), { stubMissing: true });
    expect(loaded.stubbed).toEqual(["validators.code_format", "normalizers.trim"]);
    const { actions, validators, normalizers } = loaded.handlers;
    expect(await actions.lookup!({}, {} as never)).toEqual({ found: 1 });
    expect(await validators.code_format!("anything", {} as never)).toBe(true);
    expect(await normalizers.trim!(" x ", {} as never)).toBe(" x ");
    // A handler for an action the domain does not declare is still a problem.
    await writeFile(
      path.join(dir, "extra.mjs"),
      "export const actions = { lookup: () => ({}), unknown_one: () => ({}) };\n",
    );
    const problems = await problemsOf(
      loadHandlers(await domainWith("extra.mjs"), { stubMissing: true }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("unknown_one");
  });

  it("names the Python handlers of an original Soni domain folder, which are not run", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "soni-python-"));
    await mkdir(path.join(folder, "domain"));
    await writeFile(path.join(folder, "handlers.py"), "# the original's actions\n");
    await writeFile(
      path.join(folder, "domain", "bot.yaml"),
      `flows:
  water:
    trigger: { intents: ["water the plants"] }
    steps:
      - { step: go, type: action, call: water_plants }
`,
    );
    const domain = await loadDomain(path.join(folder, "domain"));
    const problems = await problemsOf(loadHandlers(domain));
    expect(problems[0]).toContain("no handler module exports actions.water_plants");
    expect(problems.at(-1)).toContain(
      `${path.join(folder, "handlers.py")}: Python handlers of the original Soni are not run`,
    );
    expect(problems.at(-1)).toContain("soni chat --stub-handlers");
    await rm(folder, { recursive: true, force: true });
  });
});
