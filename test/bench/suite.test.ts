import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSuites, type Suite } from "../../bench/lib/suite.ts";

describe("bench and drill runner", () => {
  let dir: string;
  let out: string;
  const argv = process.argv;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "soni-bench-test-"));
    process.env.SONI_BENCH_RESULTS_DIR = dir;
    out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.argv = argv;
    process.exitCode = undefined;
    delete process.env.SONI_BENCH_RESULTS_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const suite = (name: string, value: number, fail = false): Suite => ({
    name,
    title: `Suite ${name}`,
    async run(context) {
      if (fail) throw new Error(`${name} broke`);
      return {
        name,
        title: `Suite ${name}`,
        metrics: [
          { name: "figure", value, target: ">= 10", met: value >= 10 },
          { name: "quick", value: String(context.quick) },
        ],
      };
    },
  });

  it("runs only the suites named by --only, prints their tables and writes the JSON", async () => {
    process.argv = ["node", "run.ts", "--quick", "--only", "b"];
    await runSuites("bench", [suite("a", 50), suite("b", 5)]);
    expect(out).not.toContain("Suite a");
    expect(out).toMatch(/\| figure \| +5 \| >= 10 +\| MISSED \|/);
    expect(out).toMatch(/\| quick +\| +true \|/);
    expect(out).toContain("Targets: 1 missed\n- Suite b: figure = 5 (target >= 10)");
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^bench-.*\.json$/);
    const json = JSON.parse(readFileSync(join(dir, files[0]!), "utf8"));
    expect(json).toMatchObject({
      kind: "bench",
      quick: true,
      machine: { cpus: expect.any(Number) },
    });
    expect(json.sections.map((s: { name: string }) => s.name)).toEqual(["b"]);
  });

  it("reports a failing suite, runs the others and sets a failing exit code", async () => {
    process.argv = ["node", "run.ts"];
    await runSuites("drill", [suite("broken", 0, true), suite("fine", 20)]);
    expect(out).toContain("FAILED: Error: broken broke");
    expect(out).toContain("Targets: all met");
    expect(process.exitCode).toBe(1);
  });
});
