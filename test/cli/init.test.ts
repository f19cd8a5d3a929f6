import { execFile } from "node:child_process";
import { mkdir, readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runSoni } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const temp = useTempDir("soni-init-");
// The scaffold's commands, run without --config: the layout is found from the working directory.
const NO_ENV = { SONI_CONFIG_PATH: "", SONI_HANDLERS: "" };

describe("soni init", () => {
  it("scaffolds an assistant whose validate and conversation tests pass as written", async () => {
    const result = await runSoni(["init", "my-bot"], temp.root());
    expect(result.code).toBe(0);
    const bot = path.join(temp.root(), "my-bot");
    const manifest = JSON.parse(await readFile(path.join(bot, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ name: "my-bot", type: "module" });
    expect(Object.keys(manifest.scripts)).toEqual(
      expect.arrayContaining(["start", "test", "validate"]),
    );
    expect(await readFile(path.join(bot, "handlers.ts"), "utf8")).toContain('from "soni"');
    // Where `npm install` would put the package: here, this checkout.
    await mkdir(path.join(bot, "node_modules"));
    await symlink(PROJECT_ROOT, path.join(bot, "node_modules/soni"), "dir");
    const validate = await runSoni(["validate"], bot, NO_ENV);
    expect(validate.stdout).toContain("soni.yaml: valid — 2 flows");
    const tests = await runSoni(["test"], bot, NO_ENV);
    expect(tests.stdout).toContain("0 failed");
    expect(tests.code).toBe(0);
    const chat = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [path.join(PROJECT_ROOT, "bin/soni.js"), "chat"],
        { cwd: bot, env: { ...process.env, ...NO_ENV } },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
      child.stdin?.end("I would like a latte\nlarge\nyes\n");
    });
    expect(chat).toContain("A large latte. Shall I place the order?");
    expect(chat).toContain("is on its way");
  }, 90_000);

  it("refuses to overwrite and writes nothing when a file exists", async () => {
    const dir = await temp.write("taken", { "soni.yaml": "flows: {}\n" });
    const result = await runSoni(["init"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("already has soni.yaml");
    expect(await readFile(path.join(dir, "soni.yaml"), "utf8")).toBe("flows: {}\n");
    await expect(readFile(path.join(dir, "package.json"), "utf8")).rejects.toThrow();
  });
});
