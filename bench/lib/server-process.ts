import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./ports.ts";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SONI_BIN = join(PROJECT_ROOT, "bin", "soni.js");

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when the process exited. */
  at: number;
}

/** A child process serving HTTP on 127.0.0.1; stdout/stderr are kept as lines. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** stdout lines (the server's JSON logs), newest last, capped. */
  logs: string[];
  stderr: string[];
  exited: Promise<Exit>;
  /** Sends a signal, resolves on exit; sends SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit & { signalledAt: number }>;
}

const MAX_LINES = 5_000;

function collectLines(stream: NodeJS.ReadableStream | null, into: string[]): void {
  if (!stream) return;
  let partial = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) {
      into.push(line);
      if (into.length > MAX_LINES) into.splice(0, into.length - MAX_LINES);
    }
  });
}

export interface SpawnServerOptions {
  /** Arguments after the executable, without the port (appended as `--port N`). */
  args: string[];
  /** "soni" runs bin/soni.js; "tsx" runs a TypeScript file through tsx's loader. */
  runner: "soni" | "tsx";
  /** Extra Node flags (e.g. --expose-gc). */
  nodeFlags?: string[];
  port?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** How long to wait for `readyPath` to answer 200. */
  startTimeoutMs?: number;
  readyPath?: string;
}

export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const entry = options.runner === "soni" ? [SONI_BIN] : ["--import", "tsx"];
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      ...entry,
      ...options.args,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
    ],
    {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const logs: string[] = [];
  const stderr: string[] = [];
  collectLines(child.stdout, logs);
  collectLines(child.stderr, stderr);
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    port,
    url,
    logs,
    stderr,
    exited,
    async stop(signal = "SIGTERM", timeoutMs = 30_000) {
      const signalledAt = performance.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      return { ...exit, signalledAt };
    },
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  const readyPath = options.readyPath ?? "/health";
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}):\n${[...stderr, ...logs].slice(-20).join("\n")}`,
      );
    }
    try {
      const res = await fetch(url + readyPath, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `server on port ${port} not ready within ${options.startTimeoutMs ?? 20_000} ms:\n${[...stderr, ...logs].slice(-20).join("\n")}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `soni server --config DIR` on a free port, ready when /health answers 200. */
export function spawnSoniServer(
  configDir: string,
  options: Omit<SpawnServerOptions, "args" | "runner"> = {},
): Promise<ServerProcess> {
  return spawnServer({ ...options, runner: "soni", args: ["server", "--config", configDir] });
}

/** Finds the first JSON log line whose `msg` contains `text`. */
export function findLog(server: ServerProcess, text: string): Record<string, unknown> | undefined {
  for (const line of server.logs) {
    if (!line.includes(text)) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (typeof entry.msg === "string" && entry.msg.includes(text)) return entry;
    } catch {
      // not JSON
    }
  }
  return undefined;
}

/** Starts servers in parallel; when one fails, the others are stopped and the error thrown. */
export async function startAll<T extends { server: ServerProcess }>(
  starters: readonly (() => Promise<T>)[],
  onFailureCleanup: (started: T) => void = () => {},
): Promise<T[]> {
  const settled = await Promise.allSettled(starters.map((start) => start()));
  const failure = settled.find((s) => s.status === "rejected");
  if (!failure) return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  for (const s of settled) {
    if (s.status === "fulfilled") {
      await s.value.server.stop("SIGKILL");
      onFailureCleanup(s.value);
    }
  }
  throw (failure as PromiseRejectedResult).reason;
}
