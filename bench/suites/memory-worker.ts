import { userSession } from "../lib/message-mix.ts";
import { createSoniDriver } from "../lib/soni-driver.ts";

/**
 * Child process of the memory benchmark (its RSS must be the framework's alone). Plays
 * `--conversations` users x `--turns` turns through RuntimeLoop, WAVE users at a time, and
 * prints one JSON line per sample: {turns, rssMb, heapMb} after a forced GC.
 * Usage: node --expose-gc --import tsx bench/suites/memory-worker.ts --backend memory ...
 */

function option(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value) throw new Error(`memory-worker needs --${name}`);
  return value;
}

const backend = option("backend");
if (backend !== "memory" && backend !== "sqlite") throw new Error(`unknown backend '${backend}'`);
const conversations = Number(option("conversations"));
const turnsPerUser = Number(option("turns"));
const samples = Number(option("samples"));
const maxConversations = Number(option("max-conversations"));
const WAVE = 100;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

// SQLite runs as configured by default (synchronous=normal, no fsync per commit).
const driver = await createSoniDriver(backend, {
  persistence: { max_conversations: maxConversations },
});
const totalTurns = conversations * turnsPerUser;
const sampleEvery = Math.max(1, Math.floor(totalTurns / samples));
let turns = 0;
const sample = () => {
  gc();
  const usage = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ turns, rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 })}\n`,
  );
};
sample();
const started = performance.now();
for (let first = 0; first < conversations; first += WAVE) {
  const wave = Array.from({ length: Math.min(WAVE, conversations - first) }, (_, i) => ({
    id: `mem-${first + i}`,
    messages: userSession(first + i, turnsPerUser),
  }));
  for (let t = 0; t < turnsPerUser; t++) {
    for (const user of wave) {
      await driver.send(user.id, user.messages[t]!);
      turns++;
      if (turns % sampleEvery === 0) sample();
    }
  }
}
const elapsedMs = performance.now() - started;
await driver.close();
process.stdout.write(`${JSON.stringify({ done: true, turns, elapsedMs })}\n`);
