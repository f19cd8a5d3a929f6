import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainLoadError } from "../../src/config/errors.ts";
import { loadDomain, loadDomainFromText } from "../../src/config/loader.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const fixtures = path.join(import.meta.dirname, "../fixtures/domains");
const temp = useTempDir("soni-loader-");

const domainDir = temp.write;

async function loadError(load: Promise<unknown>): Promise<DomainLoadError> {
  try {
    await load;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainLoadError);
    return error as DomainLoadError;
  }
  throw new Error("expected the domain not to load");
}

/** `basename:line:col  message` for each problem, for exact assertions. */
function located(error: DomainLoadError): string[] {
  return error.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}  ${p.message}`);
}

const SAY_FLOW = `flows:
  hello:
    steps:
      - step: hi
        type: say
        message: Hello!
`;

describe("loadDomain", () => {
  it("loads a directory, merging its files in name order", async () => {
    const dir = path.join(fixtures, "minimal");
    const loaded = await loadDomain(dir);
    expect(loaded.files.map((f) => path.basename(f))).toEqual([
      "00-settings.yaml",
      "01-slots.yaml",
      "10-flows.yaml",
    ]);
    expect(loaded.baseDir).toBe(dir);
    expect(Object.keys(loaded.domain.flows)).toEqual(["check_balance"]);
    expect(loaded.domain.slots.account_type?.choices).toEqual(["checking", "savings"]);
    // Defaults are applied next to the values the files set.
    expect(loaded.domain.settings.dm.step_budget).toBe(50);
    expect(loaded.domain.settings.dm.max_failed_attempts).toBe(3);
    expect(loaded.graphs.get("check_balance")?.order).toEqual(["ask_account", "fetch", "tell"]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.locate(["flows", "check_balance", "steps", 1, "action"])).toEqual({
      file: path.join(dir, "10-flows.yaml"),
      line: 14,
      column: 17,
    });
  });

  it("loads a single file", async () => {
    const dir = await domainDir("single", { "domain.yml": SAY_FLOW });
    const loaded = await loadDomain(path.join(dir, "domain.yml"));
    expect(loaded.files).toEqual([path.join(dir, "domain.yml")]);
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.domain.flows.hello?.steps[0]).toMatchObject({ type: "say", message: "Hello!" });
  });

  it("deep-merges settings and patterns, later files winning", async () => {
    const dir = await domainDir("settings-merge", {
      "00-a.yaml": "settings:\n  dm:\n    step_budget: 10\n    history_size: 5\n",
      "01-b.yaml": `settings:\n  dm:\n    step_budget: 20\npatterns:\n  cancel:\n    message: Bye\n${SAY_FLOW}`,
    });
    const { domain } = await loadDomain(dir);
    expect(domain.settings.dm.step_budget).toBe(20);
    expect(domain.settings.dm.history_size).toBe(5);
    expect(domain.patterns.cancel.message).toBe("Bye");
  });

  it("rejects a slot defined in two files, naming both places", async () => {
    const dir = await domainDir("conflict", {
      "01-slots.yaml": "slots:\n  amount:\n    type: float\n",
      "02-more.yaml": `slots:\n  other: {}\n  amount:\n    type: integer\n${SAY_FLOW}`,
    });
    const error = await loadError(loadDomain(dir));
    expect(located(error)).toEqual([
      expect.stringMatching(
        /^02-more\.yaml:3:3 {2}slot 'amount' is already defined at .*01-slots\.yaml:2:3; rename or remove one of them$/,
      ),
    ]);
  });

  it("reports YAML syntax errors with their location", async () => {
    const dir = await domainDir("syntax", {
      "a.yaml": "slots:\n  x:\n    type: string\n  x:\n    type: float\n",
      "b.yaml": "flows:\n  f:\n    steps: [\n",
    });
    const error = await loadError(loadDomain(dir));
    const lines = located(error);
    expect(lines[0]).toBe(
      "a.yaml:4:3  YAML syntax: duplicate key 'x' in the same mapping (each key may appear once)",
    );
    expect(lines.some((l) => l.startsWith("b.yaml:") && l.includes("YAML syntax"))).toBe(true);
  });

  it("explains a missing path and an empty directory", async () => {
    const missing = await loadError(loadDomain(path.join(temp.root(), "nope")));
    expect(missing.problems[0]?.message).toMatch(/no such file or directory/);
    const empty = await domainDir("empty", { "notes.txt": "not yaml" });
    expect((await loadError(loadDomain(empty))).problems[0]?.message).toMatch(
      /no \.yaml or \.yml files/,
    );
  });

  it("rejects a file that is not a mapping", async () => {
    const dir = await domainDir("list", { "a.yaml": "- one\n- two\n" });
    expect(located(await loadError(loadDomain(dir)))[0]).toMatch(
      /^a\.yaml:1:1 {2}a domain file must be a mapping/,
    );
  });

  it("reports three mistakes in two files, each with file:line", async () => {
    const error = await loadError(loadDomain(path.join(fixtures, "three-mistakes")));
    expect(located(error)).toEqual([
      "01-slots.yaml:4:5  slot 'amount': unknown key 'promt' — did you mean 'prompt'?",
      expect.stringMatching(
        /^02-flows\.yaml:5:15 {2}flow 'pay', step 'ask_amount': unknown step type 'colect' — did you mean 'collect'\?/,
      ),
      "02-flows.yaml:9:17  flow 'pay', step 'pay_now': action 'pay_it' is not defined (declare it under actions:)",
    ]);
    expect(error.format(fixtures).split("\n")).toHaveLength(3);
    expect(error.format(fixtures)).toMatch(/^three-mistakes\/01-slots\.yaml:4:5 {2}/);
  });
});

describe("loadDomainFromText", () => {
  it("accepts JSON as well as YAML", async () => {
    const json = JSON.stringify({
      flows: { hello: { steps: [{ step: "hi", type: "say", message: "Hi" }] } },
    });
    const loaded = await loadDomainFromText(json, "body.json", "/srv/app");
    expect(loaded.baseDir).toBe("/srv/app");
    expect(loaded.files).toEqual([]);
    expect(loaded.domain.flows.hello?.steps).toHaveLength(1);
  });

  it("names problems after the text's name", async () => {
    const error = await loadError(loadDomainFromText("flows:\n  f:\n    steps: []\n", "posted"));
    expect(located(error)).toEqual(["posted:3:5  flow 'f', steps: needs at least 1 item(s)"]);
  });

  it("returns warnings without throwing", async () => {
    const loaded = await loadDomainFromText(
      `slots:\n  x: {}\nflows:\n  f:\n    steps:\n      - step: ask\n        type: collect\n        slot: x\n`,
    );
    expect(loaded.warnings?.map((w) => `${w.line}:${w.severity}`)).toEqual(["8:warning"]);
    expect(loaded.warnings?.[0]?.message).toMatch(/has no prompt/);
  });

  it("rejects a recursive alias instead of looping forever", async () => {
    const error = await loadError(loadDomainFromText("flows: &f\n  f: *f\n", "alias.yaml"));
    expect(located(error)).toEqual([
      "alias.yaml:2:6  YAML: alias '*f' refers to a node that contains it (recursive structures are not allowed)",
    ]);
  });

  it("keeps prototype keys inert", async () => {
    const error = await loadError(
      loadDomainFromText(`slots:\n  __proto__:\n    type: string\n${SAY_FLOW}`),
    );
    expect(error.problems[0]?.message).toMatch(/'__proto__' cannot be used as a name/);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});
