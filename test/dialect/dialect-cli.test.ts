import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSoni, runSoniWithInput } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { BANK, type DialectFixture, LIBRARY, SHOP, WORKSHOP } from "./conversations.ts";

const temp = useTempDir("soni-dialect-");

/** All the fixture's conversations in one piped `soni chat`; each ends its flow. */
function chat(fixture: DialectFixture, domain = fixture.domain) {
  const says = fixture.conversations.flatMap((c) => c.says);
  return runSoniWithInput(["chat", "--config", domain, "--handlers", fixture.handlers], says);
}

function expectHeard(stdout: string, fixture: DialectFixture): void {
  let from = 0;
  for (const conversation of fixture.conversations) {
    for (const line of conversation.hears) {
      const at = stdout.indexOf(line, from);
      expect(at, `${conversation.title}: "${line}" in\n${stdout}`).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
  }
}

describe.each([BANK, SHOP, LIBRARY, WORKSHOP])("original-dialect fixture $name", (fixture) => {
  it("validates with warnings only", async () => {
    const { code, stdout } = await runSoni([
      "validate",
      fixture.domain,
      "--handlers",
      fixture.handlers,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid — .* \(\d+ warnings\)/);
  });

  it("holds its conversations in soni chat; soni migrate keeps them and leaves no warning", async () => {
    const original = await chat(fixture);
    expect(original.code, original.stderr).toBe(0);
    // A model name without a key (the original examples' setting) never reaches for the model.
    expect(original.stderr).not.toContain("LLM");
    expectHeard(original.stdout, fixture);

    const out = path.join(temp.root(), fixture.name);
    const migrate = await runSoni(["migrate", fixture.domain, "--out", out]);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain("[dialect.action_call]");
    // Nothing of the dialect is left; a warning about the domain itself may be ('bank' declares
    // two slots no flow collects, as the original's examples do).
    const afterMigration = migrate.stdout.slice(migrate.stdout.search(/\d+ changes[,;]/));
    expect(afterMigration).not.toContain("[dialect.");
    expect(afterMigration).toMatch(/: valid(, no warnings| — \d+ warning)/);

    const migrated = fixture.domain.endsWith(".yaml")
      ? path.join(out, path.basename(fixture.domain))
      : out;
    const validate = await runSoni(["validate", migrated, "--handlers", fixture.handlers]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).not.toContain("warning[dialect.");

    const again = await chat(fixture, migrated);
    expect(again.stdout).toBe(original.stdout);
    // Four CLI processes in a row: on a loaded 2-core machine each start can take 15 s.
  }, 120_000);
});

describe("soni migrate", () => {
  it("keeps comments and renames keys in place", async () => {
    const out = path.join(temp.root(), "bank-comments");
    await runSoni(["migrate", BANK.domain, "--out", out]);
    const alerts = await readFile(path.join(out, "20-alerts.yaml"), "utf8");
    expect(alerts).toContain("# The loop body is given as step names, defined right after it.");
    expect(alerts).toContain("action: next_alert");
    expect(alerts).not.toContain("call:");
    const slots = await readFile(path.join(out, "01-slots.yaml"), "utf8");
    expect(slots).toContain("# Declared without inputs: the handler gets every slot of the flow.");
    expect(slots).toContain("inputs: all");
  });

  it("lists the slot kinds it declares, and writes the collect step it adds", async () => {
    const out = path.join(temp.root(), "library-kinds");
    const result = await runSoni(["migrate", LIBRARY.domain, "--out", out]);
    expect(result.stdout).toContain("slot 'delivery_day': declared 'extract: free_text'");
    expect(result.stdout).toMatch(/\d+ changes, 1 slot kind declared; wrote 1 file/);
    expect(result.stdout).toContain("library.yaml:93:9  warning[dialect.flow_slot_collect]");
    const text = await readFile(path.join(out, "library.yaml"), "utf8");
    expect(text).toContain("extract: free_text");
    expect(text).toMatch(/- step: collect_title\n\s+type: collect\n\s+slot: title/);
    expect(text).not.toContain("collect_shelf");
  });

  it("keeps settings.handlers naming the same module when writing elsewhere", async () => {
    const source = await temp.write("with-handlers", {
      "old.yaml": [
        "settings:",
        "  handlers: lib/handlers.mjs",
        "  logging: { level: INFO }",
        "flows:",
        "  hi:",
        "    steps:",
        '      - { step: s, type: say, message: "Hi" }',
      ].join("\n"),
    });
    const out = path.join(temp.root(), "moved", "deeper");
    const result = await runSoni(["migrate", path.join(source, "old.yaml"), "--out", out]);
    expect(result.stdout).toContain("[dialect.logging_level]");
    const text = await readFile(path.join(out, "old.yaml"), "utf8");
    const written = /handlers: (\S+)/.exec(text)?.[1] ?? "";
    expect(path.resolve(out, written)).toBe(path.join(source, "lib/handlers.mjs"));
  });

  it("rewrites the files in place without --out", async () => {
    const shop = await readFile(SHOP.domain, "utf8");
    const dir = await temp.write("in-place", { "shop.yaml": shop });
    const file = path.join(dir, "shop.yaml");
    const result = await runSoni(["migrate", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("valid, no warnings");
    const again = await runSoni(["migrate", file]);
    expect(again.stdout).toContain("nothing to change");
  });

  it("says a modern domain has nothing to change, and refuses a broken one", async () => {
    const modern = await runSoni(["migrate", "examples/banking"]);
    expect(modern.code).toBe(0);
    expect(modern.stdout).toContain("nothing to change");
    const broken = await temp.write("broken", { "d.yaml": "flows:\n  f:\n    steps: 3\n" });
    const refused = await runSoni(["migrate", broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("cannot migrate");
  });

  it("soni -v prints the version", async () => {
    const { code, stdout } = await runSoni(["-v"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
