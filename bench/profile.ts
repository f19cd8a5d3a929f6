/**
 * `npm run profile [-- --seconds N] [--backend memory|sqlite] [--top N]`: runs `soni server` on the
 * banking example under the HTTP message mix of `npm run bench` with V8's sampling profiler
 * (`--cpu-prof`), stops it with SIGTERM, and prints where the server's CPU time went: by part of
 * the code (src/ layer, dependency, Node internals, GC) and by function. The raw `.cpuprofile`
 * is kept (its path is printed) for Chrome DevTools or speedscope.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runMessageMix } from "./lib/autocannon-mix.ts";
import { type CpuProfile, formatProfile, summarizeProfile } from "./lib/cpu-profile.ts";
import { spawnSoniServer } from "./lib/server-process.ts";
import { createTempDomain } from "./lib/temp-domain.ts";

interface ProfileArgs {
  seconds: number;
  backend: "memory" | "sqlite";
  top: number;
  connections: number;
}

function parseArgs(argv: readonly string[]): ProfileArgs {
  const args: ProfileArgs = { seconds: 10, backend: "memory", top: 25, connections: 50 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number`);
      i++;
      return n;
    };
    if (flag === "--seconds") args.seconds = number();
    else if (flag === "--top") args.top = number();
    else if (flag === "--connections") args.connections = number();
    else if (flag === "--backend") {
      if (value !== "memory" && value !== "sqlite")
        throw new Error("--backend is memory or sqlite");
      args.backend = value;
      i++;
    } else {
      throw new Error(
        `unknown option '${flag}'; use --seconds N, --backend memory|sqlite, --top N, --connections N`,
      );
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const domain = createTempDomain({ persistence: { backend: args.backend } });
const profileDir = mkdtempSync(join(tmpdir(), "soni-profile-"));
/** The load window, on the monotonic clock V8 stamps its samples with. */
const window = { fromUs: 0, toUs: Number.POSITIVE_INFINITY };
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const server = await spawnSoniServer(domain.dir, {
  cwd: domain.workDir,
  nodeFlags: ["--cpu-prof", "--cpu-prof-dir", profileDir],
});
try {
  console.log(`profile: soni server (${args.backend}) on ${server.url}; warming up 2 s`);
  await runMessageMix({ url: server.url, connections: 10, durationSeconds: 2, userPrefix: "warm" });
  console.log(`profile: ${args.connections} connections for ${args.seconds} s`);
  window.fromUs = monotonicUs();
  const run = await runMessageMix({
    url: server.url,
    connections: args.connections,
    durationSeconds: args.seconds,
    userPrefix: "profile",
  });
  window.toUs = monotonicUs();
  console.log(
    `profile: ${Math.round(run.requestsPerSecond)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.non2xx + run.errors + run.timeouts + run.malformed} failed (the profiler itself slows the server)`,
  );
} finally {
  const exit = await server.stop("SIGTERM", 30_000);
  if (exit.code !== 0) console.error(`profile: server exited with code ${exit.code}`);
  domain.remove();
}
const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error(`no .cpuprofile was written in ${profileDir}`);
const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8")) as CpuProfile;
console.log(`profile: ${join(profileDir, file)}\n`);
console.log(formatProfile(summarizeProfile(profile, window), args.top));
