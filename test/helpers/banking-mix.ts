import path from "node:path";
import { pino } from "pino";
import { conversationMessages } from "../../bench/lib/message-mix.ts";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type { Checkpointer } from "../../src/persistence/checkpointer.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";

/**
 * Plays the bench's banking message mix through a RuntimeLoop on `store`, twice per user (the
 * second round loads the states the first one saved), with a fixed clock and ids so two stores
 * can be compared reply by reply. Returns "turnCount reply" per turn.
 */
export async function playBankingMix(store: Checkpointer, users: number): Promise<string[]> {
  const domain = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));
  let n = 0;
  const runtime = new RuntimeLoop(domain, {
    checkpointer: store,
    handlers: createBankingHandlers({
      clock: () => new Date("2026-03-10T09:30:00Z"),
      nextId: () => ++n,
    }),
    logger: pino({ level: "silent" }),
    clock: () => new Date("2026-03-10T09:30:00Z"),
    newId: () => `id-${++n}`,
  });
  const replies: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < users; i++) {
      for (const message of conversationMessages(i)) {
        const result = await runtime.processMessage(message, `user-${i}`);
        replies.push(`${result.turnCount} ${result.response}`);
      }
    }
  }
  await runtime.cleanup();
  return replies;
}
