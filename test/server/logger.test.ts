import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOGGER = path.join(ROOT, "src/server/logger.ts");

/** Runs a child that logs `lines` lines through the server logger, then `exit`; its stdout. */
function logThenExit(lines: number, exit: string, options = "{}"): Promise<string> {
  const script = `
    const { createServerLogger } = await import(${JSON.stringify(LOGGER)});
    const logger = createServerLogger("info", ${options});
    for (let i = 0; i < ${lines}; i++) logger.info({ i }, "line");
    ${exit};
  `;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

function indexes(stdout: string): Set<number | undefined> {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  return new Set(lines.map((line) => (JSON.parse(line) as { i?: number }).i));
}

describe("createServerLogger (asynchronous stdout)", () => {
  it("writes every buffered line when the process ends on its own", async () => {
    expect(indexes(await logThenExit(20_000, "process.exitCode = 0")).size).toBe(20_000);
  });

  it("writes every buffered line when the process calls process.exit()", async () => {
    // Only the first line's write has started when exit() runs: the rest is in the buffer.
    expect(indexes(await logThenExit(20_000, "process.exit(0)")).size).toBe(20_000);
  });

  it("writes text outside ASCII unchanged", async () => {
    const stdout = await logThenExit(3, 'logger.info({ text: "Grüße, 50 € 😀" }, "ünïcode")');
    const line = stdout
      .split("\n")
      .filter((l) => l.includes("nïcode"))
      .map((l) => JSON.parse(l) as { msg: string; text: string })[0];
    expect(line).toMatchObject({ msg: "ünïcode", text: "Grüße, 50 € 😀" });
  });

  it("drops lines past its bound instead of growing, and says how many", async () => {
    const stdout = await logThenExit(500, "setTimeout(() => {}, 1500)", "{ maxBufferBytes: 2000 }");
    const lines = stdout
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { msg: string; dropped?: number });
    const warning = lines.find((line) => line.msg.startsWith("Log lines dropped"));
    const written = lines.filter((line) => line.msg === "line").length;
    expect(written).toBeLessThan(500);
    expect(warning?.dropped).toBe(500 - written);
  });
});
