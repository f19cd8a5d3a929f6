import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSoni } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const temp = useTempDir("soni-handlers-option-");

// settings.handlers names a module that does not exist: only --handlers / SONI_HANDLERS work.
const FILES = {
  "soni.yaml": `settings:
  handlers: missing.ts
  persistence: { backend: sqlite, path: chat.db }
slots:
  echo: { type: string, internal: true }
actions:
  status: { outputs: [echo] }
flows:
  status:
    description: Report the system status
    trigger: { intents: [system status] }
    steps:
      - { step: run, type: action, action: status }
      - { step: tell, type: say, message: "status {echo}" }
`,
  "real.mjs": `export const actions = { status: () => ({ echo: "green" }) };\n`,
  "tests.yaml": `tests:
  - name: status
    steps:
      - user: system status
        bot_contains: status green
`,
};
const NO_ENV = { SONI_CONFIG_PATH: "", SONI_HANDLERS: "" };

describe("--handlers and SONI_HANDLERS", () => {
  it("replace settings.handlers for validate and test", async () => {
    const dir = await temp.write("bot", FILES);
    const plain = await runSoni(["validate"], dir, NO_ENV);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain("missing.ts");
    // One problem: the module that did not load, not one more per handler it would export.
    expect(plain.stderr).toContain("1 handler problem");
    expect((await runSoni(["validate", "--handlers", "real.mjs"], dir, NO_ENV)).code).toBe(0);
    const env = { ...NO_ENV, SONI_HANDLERS: "real.mjs" };
    expect((await runSoni(["validate"], dir, env)).code).toBe(0);
    const tests = await runSoni(["test", "tests.yaml"], dir, env);
    expect(tests.stdout).toContain("1 passed, 0 failed");
    const flagged = await runSoni(["test", "tests.yaml", "--handlers", "real.mjs"], dir, NO_ENV);
    expect(flagged.code).toBe(0);
  }, 60_000);

  it("soni chat keeps the conversation in memory unless --store domain", async () => {
    const dir = await temp.write("chat", FILES);
    const { execFile } = await import("node:child_process");
    const chat = (args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const child = execFile(
          process.execPath,
          [path.resolve("bin/soni.js"), "chat", "--handlers", "real.mjs", ...args],
          { cwd: dir, env: { ...process.env, ...NO_ENV } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
        child.stdin?.end("system status\n");
      });
    expect(await chat([])).toContain("status green");
    expect(existsSync(path.join(dir, "chat.db"))).toBe(false);
    expect(await chat(["--store", "domain"])).toContain("status green");
    expect(existsSync(path.join(dir, "chat.db"))).toBe(true);
  }, 60_000);
});

describe("piped output", () => {
  it("soni validate | head stops quietly when the reader goes away", async () => {
    const dir = await temp.write("pipe", FILES);
    const { execFile } = await import("node:child_process");
    const bin = path.resolve("bin/soni.js");
    const stderr = await new Promise<string>((resolve) => {
      execFile(
        "sh",
        ["-c", `node ${bin} validate soni.yaml --handlers real.mjs | head -c 0; exit 0`],
        { cwd: dir, env: { ...process.env, ...NO_ENV } },
        (_error, _stdout, err) => resolve(err),
      );
    });
    expect(stderr).not.toContain("EPIPE");
    expect(stderr).toBe("");
  }, 30_000);
});
