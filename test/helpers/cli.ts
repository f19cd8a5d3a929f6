import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(PROJECT_ROOT, "bin/soni.js");
const run = promisify(execFile);

/** Runs `soni ...args` as a real process; never throws on a non-zero exit. */
export async function runSoni(args: string[], cwd = PROJECT_ROOT, env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs `soni ...args` with `lines` piped to its stdin, one per line (e.g. `soni chat`). */
export function runSoniWithInput(
  args: string[],
  lines: readonly string[],
  cwd = PROJECT_ROOT,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}
