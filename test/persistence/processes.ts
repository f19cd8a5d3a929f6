import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { StoreSpec } from "./fixtures/open-store.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

function spawnFixture(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", `${fixtures}${script}`, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/**
 * Runs the save loop in a child, SIGKILLs it once it has acknowledged `killAfter` saves, and
 * returns the highest version it acknowledged (every ack line read before the kill).
 */
export function saveUntilKilled(
  spec: StoreSpec,
  conversationId: string,
  killAfter: number,
): Promise<number> {
  const child = spawnFixture("save-loop.ts", [JSON.stringify(spec), conversationId]);
  return new Promise((resolve, reject) => {
    let acknowledged = 0;
    let buffered = "";
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acknowledged = Math.max(acknowledged, Number(match[1]));
      }
      if (acknowledged >= killAfter && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(acknowledged);
      else reject(new Error(`save loop exited on its own (code ${code}): ${stderr}`));
    });
  });
}

/**
 * Runs `processes` increment children against one conversation, released together once all
 * have opened the store; resolves how many version conflicts each one retried.
 */
export async function incrementFromProcesses(
  spec: StoreSpec,
  conversationId: string,
  processes: number,
  increments: number,
): Promise<number[]> {
  const children = Array.from({ length: processes }, () =>
    spawnFixture("increment.ts", [JSON.stringify(spec), conversationId, String(increments)]),
  );
  let ready = 0;
  const runs = children.map((child) => {
    return new Promise<number>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        const wasReady = stdout.includes("ready\n");
        stdout += chunk.toString();
        if (!wasReady && stdout.includes("ready\n") && ++ready === processes) {
          for (const each of children) each.stdin!.end("go\n");
        }
      });
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on("error", reject);
      child.on("exit", (code) => {
        const match = /done (\d+)/.exec(stdout);
        if (code === 0 && match) resolve(Number(match[1]));
        else reject(new Error(`increment child failed (code ${code}): ${stderr || stdout}`));
      });
    });
  });
  return Promise.all(runs);
}
