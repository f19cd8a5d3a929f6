import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runServer } from "../../src/server/start.ts";
import { captureLog, FakeRuntime } from "./helpers/fake-runtime.ts";

/** runServer up to the point where it refuses to start (no listening, no runtime). */
async function refusedStart(options: { domain?: string; env?: NodeJS.ProcessEnv }) {
  const cwd = mkdtempSync(path.join(tmpdir(), "soni-start-"));
  if (options.domain !== undefined) writeFileSync(path.join(cwd, "soni.yaml"), options.domain);
  const printed: string[] = [];
  let created = 0;
  const code = await runServer({
    logger: captureLog().logger,
    createRuntime: () => {
      created += 1;
      return new FakeRuntime();
    },
    // Port 0 in case a refusal regresses: the test then hangs on a harmless listener.
    env: { PORT: "0", ...options.env },
    cwd,
    forceExit: () => {
      throw new Error("not expected");
    },
    printError: (text) => printed.push(text),
  });
  return { code, printed: printed.join("\n"), created };
}

describe("runServer startup refusals", () => {
  it("exits 1 printing file:line:col for an invalid domain", async () => {
    const { code, printed, created } = await refusedStart({
      domain: "flows:\n  greet:\n    steps:\n      - step: hi\n        type: dance\n",
    });
    expect(code).toBe(1);
    expect(printed).toMatch(/soni\.yaml:\d+:\d+ {2}\S/);
    expect(created).toBe(0);
  });

  it("exits 1 naming a malformed environment variable", async () => {
    const { code, printed } = await refusedStart({ env: { SONI_SHUTDOWN_TIMEOUT_MS: "30s" } });
    expect(code).toBe(1);
    expect(printed).toContain("SONI_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds");
  });

  it("exits 1 for a PORT that is not a port", async () => {
    const { code, printed } = await refusedStart({ env: { PORT: "eighty" } });
    expect(code).toBe(1);
    expect(printed).toContain("PORT must be a port number");
  });
});
