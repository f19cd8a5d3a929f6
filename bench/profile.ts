/**
 * `npm run profile [-- --seconds N] [--backend memory|sqlite] [--top N] [--in-process]`: runs
 * `soni server` on the banking example under the HTTP message mix of `npm run bench` with V8's
 * sampling profiler (`--cpu-prof`), stops it with SIGTERM, and prints where the server's CPU time
 * went: by part of the code (src/ layer, dependency, Node internals, GC) and by function. The raw
 * `.cpuprofile` is kept (its path is printed) for Chrome DevTools or speedscope.
 *
 * `--in-process` profiles the in-process bench instead: `RuntimeLoop` playing the transfer
 * conversation (after the same warm-up), no HTTP, profiled in this process.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runMessageMix } from "./lib/autocannon-mix.ts";
import { type CpuProfile, formatProfile, summarizeProfile } from "./lib/cpu-profile.ts";
import { spawnSoniServer } from "./lib/server-process.ts";
import { createSoniDriver } from "./lib/soni-driver.ts";
import { createTempDomain } from "./lib/temp-domain.ts";
import { playTransfers } from "./suites/in-process.ts";

interface ProfileArgs {
  seconds: number;
  backend: "memory" | "sqlite";
  top: number;
  connections: number;
  inProcess: boolean;
}

function parseArgs(argv: readonly string[]): ProfileArgs {
  const args: ProfileArgs = {
    seconds: 10,
    backend: "memory",
    top: 25,
    connections: 50,
    inProcess: false,
  };
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
    else if (flag === "--in-process") args.inProcess = true;
    else if (flag === "--backend") {
      if (value !== "memory" && value !== "sqlite")
        throw new Error("--backend is memory or sqlite");
      args.backend = value;
      i++;
    } else {
      throw new Error(
        `unknown option '${flag}'; use --seconds N, --backend memory|sqlite, --top N, --connections N, --in-process`,
      );
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
if (args.inProcess) await profileInProcess(args);
else await profileServer(args);

/** RuntimeLoop on the transfer conversation, profiled in this process after a warm-up. */
async function profileInProcess(args: ProfileArgs): Promise<void> {
  const driver = await createSoniDriver(args.backend);
  const session = new Session();
  try {
    console.log(`profile: RuntimeLoop (${args.backend}), in process; warming up`);
    await playTransfers(driver, 300, "warm");
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    const until = performance.now() + args.seconds * 1000;
    let turns = 0;
    let busyMs = 0;
    for (let run = 0; performance.now() < until; run++) {
      const started = performance.now();
      const figures = await playTransfers(driver, 200, `profile-${run}`);
      busyMs += performance.now() - started;
      turns += figures.turns;
      if (figures.mismatches > 0) throw new Error(`off script: ${figures.firstMismatch}`);
    }
    const { profile } = await session.post("Profiler.stop");
    console.log(
      `profile: ${turns} turns in ${(busyMs / 1000).toFixed(1)} s, ${Math.round((turns / busyMs) * 1000)} turns/s (the profiler itself slows the loop)`,
    );
    const file = join(mkdtempSync(join(tmpdir(), "soni-profile-")), "in-process.cpuprofile");
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile: ${file}\n`);
    console.log(formatProfile(summarizeProfile(profile as CpuProfile), args.top));
  } finally {
    session.disconnect();
    await driver.close();
  }
}

/** `soni server` under the HTTP mix, profiled with `--cpu-prof` between warm-up and SIGTERM. */
async function profileServer(args: ProfileArgs): Promise<void> {
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
    await runMessageMix({
      url: server.url,
      connections: 10,
      durationSeconds: 2,
      userPrefix: "warm",
    });
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
}
