import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports.ts";

/**
 * The load balancer settings docs/deployment.md recommends in front of Soni replicas, for a
 * frontend on `port` and one server per backend port (all on 127.0.0.1):
 * - `http-server-close`: one request per server connection, so a replica closing its idle
 *   keep-alive sockets while it drains can never race a request onto one;
 * - `retry-on conn-failure empty-response 503`, with `redispatch`: a request a stopping replica
 *   refused (503 before processing) or never accepted goes to another replica;
 * - health checks on /health every 500 ms, two failures to leave the rotation (one slow check
 *   on a loaded host is not an outage): a replica turning `shutting_down` is out within about
 *   two seconds, inside its pre-drain delay.
 * `statsPort` serves HAProxy's status page (CSV at /stats;csv), which the drill reads to wait
 * for a restarted replica to be back in rotation.
 */
export function haproxyConfig(
  port: number,
  backendPorts: readonly number[],
  statsPort?: number,
): string {
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  option http-server-close",
    "  option redispatch 1",
    "  retries 3",
    "  retry-on conn-failure empty-response 503",
    "frontend soni",
    `  bind 127.0.0.1:${port}`,
    "  default_backend replicas",
    "backend replicas",
    "  balance roundrobin",
    "  option httpchk GET /health",
    "  http-check expect status 200",
    "  timeout check 1s",
    "  default-server inter 500ms fall 2 rise 2",
    ...backendPorts.map((p, i) => `  server soni${i + 1} 127.0.0.1:${p} check`),
    ...(statsPort === undefined
      ? []
      : [
          "frontend stats",
          `  bind 127.0.0.1:${statsPort}`,
          "  stats enable",
          "  stats uri /stats",
        ]),
    "",
  ].join("\n");
}

export interface RunningHaproxy {
  url: string;
  child: ChildProcess;
  output: string[];
  /** Health state of each backend server by name (soni1, soni2, ...): UP, DOWN, ... */
  serverStates(): Promise<Map<string, string>>;
  /** Resolves once every backend server is UP (polling the status page), at most `timeoutMs`. */
  waitAllUp(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Whether the haproxy binary is installed (Debian package `haproxy`). */
export function haproxyInstalled(): boolean {
  return spawnSync("haproxy", ["-v"], { stdio: "ignore" }).status === 0;
}

/** Starts HAProxy in the foreground; resolves once its frontend answers /health/live. */
export async function startHaproxy(backendPorts: readonly number[]): Promise<RunningHaproxy> {
  if (!haproxyInstalled()) {
    throw new Error(
      "haproxy is not installed; install the Debian package: apt-get install haproxy",
    );
  }
  const port = await freePort();
  const statsPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "soni-haproxy-"));
  const file = join(dir, "haproxy.cfg");
  writeFileSync(file, haproxyConfig(port, backendPorts, statsPort));
  const child = spawn("haproxy", ["-f", file, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const serverStates = async () => {
    const res = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`, {
      signal: AbortSignal.timeout(2_000),
    });
    const states = new Map<string, string>();
    for (const line of (await res.text()).split("\n")) {
      // # pxname,svname,...,status (column 18)
      const cells = line.split(",");
      if (cells[0] === "replicas" && cells[1]?.startsWith("soni")) states.set(cells[1], cells[17]!);
    }
    return states;
  };
  const waitAllUp = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await serverStates().catch(() => new Map<string, string>());
      const all = [...states.values()];
      if (all.length === backendPorts.length && all.every((s) => s === "UP")) return;
      if (Date.now() > deadline) {
        throw new Error(
          `haproxy servers not all UP within ${timeoutMs} ms: ${JSON.stringify([...states])}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`haproxy exited at startup:\n${output.join("")}`);
    }
    try {
      const res = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return { url, child, output, serverStates, waitAllUp, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not route to a replica within 20 s:\n${output.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
