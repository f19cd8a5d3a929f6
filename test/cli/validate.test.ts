import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSoni } from "../helpers/cli.ts";

const soni = (...args: string[]) => runSoni(args);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-cli-validate-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Writes `lines` to `name` in the temp folder, validates it, and checks it passes with one warning. */
async function validateOneWarning(name: string, lines: readonly string[]): Promise<string[]> {
  const file = path.join(tmp, name);
  await writeFile(file, lines.join("\n"));
  const result = await soni("validate", file);
  expect(result.code).toBe(0);
  const out = result.stdout.trim().split("\n");
  expect(out[0]).toMatch(/\(1 warning\)$/);
  return out;
}

describe("soni validate", () => {
  it("exits 0 with a one-line summary for a valid domain", async () => {
    const result = await soni("validate", "test/fixtures/domains/minimal");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      "test/fixtures/domains/minimal: valid — 1 flow, 2 slots, 1 action, 3 steps",
    );
  });

  it("exits 1 listing every problem as file:line:col with paths relative to cwd", async () => {
    const result = await soni("validate", "test/fixtures/domains/three-mistakes");
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines.map((l) => l.split("  ")[0])).toEqual([
      "test/fixtures/domains/three-mistakes/01-slots.yaml:4:5",
      "test/fixtures/domains/three-mistakes/02-flows.yaml:5:15",
      "test/fixtures/domains/three-mistakes/02-flows.yaml:9:17",
      "test/fixtures/domains/three-mistakes: invalid — 3 errors",
    ]);
    expect(result.stderr).toContain("did you mean 'collect'?");
  });

  it("lists warnings under the summary of a valid domain", async () => {
    const file = path.join(tmp, "warn.yaml");
    await writeFile(
      file,
      "slots:\n  x: {}\nflows:\n  f:\n    steps:\n      - step: a\n        type: collect\n        slot: x\n",
    );
    const result = await soni("validate", file);
    expect(result.code).toBe(0);
    const [summary, warning] = result.stdout.trim().split("\n");
    expect(summary).toMatch(/: valid — 1 flow, 1 slot, 0 actions, 1 step \(1 warning\)$/);
    expect(warning).toMatch(
      /warn\.yaml:8:15 {2}warning: flow 'f', step 'a': slot 'x' has no prompt/,
    );
  });

  it("warns about a trigger phrase with only function words besides its placeholders", async () => {
    const lines = await validateOneWarning("wordless.yaml", [
      "slots:",
      "  town: { type: string, choices: [leeds, york], prompt: 'Which town?' }",
      "flows:",
      "  gigs:",
      "    description: Gigs in a town",
      "    trigger:",
      "      intents: ['what is on in {town}', 'any gigs in {town}']",
      "    steps:",
      "      - { step: a, type: collect, slot: town }",
      "",
    ]);
    expect(lines[1]).toMatch(
      /wordless\.yaml:7:17 {2}warning\[trigger-phrase-wordless\]: flow 'gigs': trigger phrase "what is on in \{town\}" has only function words/,
    );
  });

  it("warns about a negation read as a word of a trigger phrase, not about a negated act", async () => {
    const lines = await validateOneWarning("negated.yaml", [
      "settings: { language: es }",
      "slots:",
      "  dia: { type: date, prompt: '¿Qué día?' }",
      "flows:",
      "  mover_turno:",
      "    description: Cambiar el día del turno",
      "    trigger:",
      "      intents: ['no me va bien el día del turno', 'no voy a poder ir, cambia el turno']",
      "    steps:",
      "      - { step: a, type: collect, slot: dia }",
      "",
    ]);
    expect(lines[1]).toMatch(
      /negated\.yaml:8:\d+ {2}warning\[trigger-phrase-negation\]: flow 'mover_turno': trigger phrase "no me va bien el día del turno" has the negation "no"/,
    );
  });

  it("warns about a one-word synonym that is a function word without its accents", async () => {
    const lines = await validateOneWarning("folded.yaml", [
      "settings: { language: es }",
      "slots:",
      "  bebida: { type: string, choices: [infusion, cafe], synonyms: { infusion: [té, tila] }, prompt: '¿Qué?' }",
      "flows:",
      "  pedir:",
      "    description: Pedir algo de beber",
      "    trigger: { intents: ['quiero un {bebida}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: bebida }",
      "",
    ]);
    expect(lines[1]).toMatch(
      /folded\.yaml:3:\d+ {2}warning\[synonym-folds-to-function-word\]: slot 'bebida': synonym "té" of 'infusion' is the function word "te"/,
    );
  });

  it("matches handler modules with the domain unless --skip-handlers is given", async () => {
    const file = path.join(tmp, "handlers.yaml");
    await writeFile(
      file,
      "settings:\n  handlers: ./handlers.mjs\nactions:\n  pay: {}\nflows:\n  f:\n    steps:\n      - step: a\n        type: action\n        action: pay\n",
    );
    const missing = await soni("validate", file);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /handlers\.yaml:2:13 {2}cannot load handler module .*handlers\.mjs/,
    );

    await writeFile(
      path.join(tmp, "handlers.mjs"),
      "export const actions = { refund: () => ({}) };\n",
    );
    const mismatched = await soni("validate", file);
    expect(mismatched.code).toBe(1);
    expect(mismatched.stderr).toContain("action 'pay' is declared in the domain but no handler");
    expect(mismatched.stderr).toContain(
      "handler for action 'refund', which the domain does not declare",
    );

    await writeFile(
      path.join(tmp, "handlers.mjs"),
      "export const actions = { pay: () => ({}) };\n",
    );
    expect((await soni("validate", file)).code).toBe(0);

    await writeFile(path.join(tmp, "handlers.mjs"), "export const actions = {};\n");
    expect((await soni("validate", file, "--skip-handlers")).code).toBe(0);
  });

  it("exits 1 for a path that does not exist", async () => {
    const result = await soni("validate", "does/not/exist");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no such file or directory/);
  });

  it("validates the banking example", async () => {
    const result = await soni("validate", "examples/banking");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^examples\/banking: valid — 7 flows, \d+ slots, \d+ actions, \d+ steps/,
    );
  });
});
