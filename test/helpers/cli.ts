import { execFile } from "node:child_process";
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
