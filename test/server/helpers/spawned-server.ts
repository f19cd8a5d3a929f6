import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { freePort } from "../../helpers/services.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
export const SERVER_FIXTURES = path.join(root, "test/fixtures/server");

export interface LogLine {
  msg: string;
  time: number;
  [key: string]: unknown;
}

export interface SpawnOptions {
  /** Domain file or directory; omitted = no --config (SONI_CONFIG_PATH is cleared too). */
  config?: string;
  args?: string[];
  env?: Record<string, string>;
  /** Working directory (where soni.db lands); a fresh temp directory by default. */
  cwd?: string;
  /** false: resolve as soon as the process runs, not once it listens and its runtime is ready. */
  waitForListening?: boolean;
}

/** A `node bin/soni.js server` child process, with its parsed JSON log. */
export class SpawnedServer {
  readonly logs: LogLine[] = [];
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  readonly #waiters = new Set<() => void>();

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly cwd: string,
  ) {
    let buffered = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.trim()) continue;
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ msg: line, time: Date.now() });
        }
      }
      for (const notify of this.#waiters) notify();
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        for (const notify of this.#waiters) notify();
        resolve({ code, signal, at: Date.now() });
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  messages(): string[] {
    return this.logs.map((line) => line.msg);
  }

  count(msg: string): number {
    return this.logs.filter((line) => line.msg === msg).length;
  }

  /**
   * Resolves the first log line matching, waiting for it (rejects after `timeoutMs` or exit).
   * The default is a bound, not a wait: a 2-core machine under heavy load took over 15 s to
   * start a server process.
   */
  waitForLog(match: string | ((line: LogLine) => boolean), timeoutMs = 60_000): Promise<LogLine> {
    const test = typeof match === "string" ? (line: LogLine) => line.msg === match : match;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logs.find(test);
        if (found) {
          finish();
          resolve(found);
        } else if (this.child.exitCode !== null || this.child.signalCode !== null) {
          finish();
          reject(new Error(`server exited before logging ${String(match)}:\n${this.dump()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no log line ${String(match)} within ${timeoutMs} ms:\n${this.dump()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Waits until `n` lines match. */
  async waitForCount(match: (line: LogLine) => boolean, n: number, timeoutMs = 60_000) {
    return this.waitForLog(() => this.logs.filter(match).length >= n, timeoutMs);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Kills the process if a test left it running. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGKILL");
      await this.exited;
    }
  }

  /** Messages of the log in order, and stderr, for failure messages. */
  dump(): string {
    return `${this.messages().join("\n")}\n--- stderr ---\n${this.stderr}`;
  }
}

/** Starts `soni server` on a free port; resolves once it listens (or at once, see options). */
export async function spawnServer(options: SpawnOptions = {}): Promise<SpawnedServer> {
  const port = await freePort();
  const cwd = options.cwd ?? mkdtempSync(path.join(tmpdir(), "soni-server-"));
  // Debug level: tests follow requests through the per-request "incoming request" line.
  const args = [
    path.join(root, "bin/soni.js"),
    "server",
    "--port",
    String(port),
    "--log-level",
    "debug",
  ];
  if (options.config) args.push("--config", options.config);
  args.push(...(options.args ?? []));
  const env: NodeJS.ProcessEnv = { ...process.env, SONI_CONFIG_PATH: "", ...options.env };
  for (const name of ["SONI_API_KEY", "SONI_ADMIN_TOKEN", "NODE_ENV", "SONI_LOG_LEVEL"]) {
    if (!options.env?.[name]) delete env[name];
  }
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const server = new SpawnedServer(child, port, cwd);
  if (options.waitForListening !== false) {
    try {
      await server.waitForLog((line) => line.msg.startsWith("Server listening at"));
      if (options.config) await server.waitForLog("Runtime initialized and serving");
    } catch (error) {
      // The caller never gets the server to stop: a start-up that timed out must not outlive it.
      await server.stop();
      throw error;
    }
  }
  return server;
}

/** POSTs a message; resolves status, body and headers, or the network error. */
export async function postMessage(
  baseUrl: string,
  userId: string,
  message: string,
  init: { dispatcher?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers; at: number }> {
  const response = await fetch(`${baseUrl}/message`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user_id: userId, message }),
    ...init,
  } as RequestInit);
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, headers: response.headers, at: Date.now() };
}

/** The messages of `wanted` in the order they were logged (each once, first occurrence). */
export function orderOf(messages: string[], wanted: string[]): string[] {
  return messages.filter((msg) => wanted.includes(msg));
}

/** Servers started through the returned function are stopped after each test. */
export function useSpawnedServers() {
  const running: SpawnedServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });
  return async function start(options: SpawnOptions = {}): Promise<SpawnedServer> {
    const server = await spawnServer(options);
    running.push(server);
    return server;
  };
}
