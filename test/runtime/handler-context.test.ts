import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Checkpointer, SaveOptions } from "../../src/persistence/checkpointer.ts";
import { LeaseLostError } from "../../src/persistence/errors.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import type { DialogueState, TurnRecord } from "../../src/protocol/state.ts";
import type { HandlerContext } from "../../src/runtime/handlers.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { domainFromYaml } from "./helpers.ts";
import { ScriptedUnderstanding, say } from "./scripted-du.ts";

/** A flow that runs `record` twice per message, so keys of repeated calls show too. */
const DOMAIN = `
slots:
  item: { type: string, prompt: "Item?" }
actions:
  record: { inputs: [item] }
flows:
  log:
    description: Log items
    steps:
      - { step: ask, type: collect, slot: item }
      - { step: first, type: action, action: record }
      - { step: second, type: action, action: record }
      - { step: clear, type: set, slots: { item: null }, jump_to: ask }
`;

interface Call {
  turn: number;
  key: string;
  item: unknown;
}

function recorder(calls: Call[], behaviour: (ctx: HandlerContext) => void = () => {}) {
  return {
    actions: {
      record: ({ item }: Record<string, unknown>, ctx: HandlerContext) => {
        calls.push({ turn: ctx.turn, key: ctx.idempotencyKey, item });
        const items = (ctx.data.items as string[] | undefined) ?? [];
        ctx.data.items = [...items, String(item)];
        behaviour(ctx);
      },
    },
  };
}

async function runtimeOn(
  store: Checkpointer,
  calls: Call[],
  behaviour?: (c: HandlerContext) => void,
) {
  const runtime = new RuntimeLoop(await domainFromYaml(DOMAIN), {
    du: new ScriptedUnderstanding(),
    checkpointer: store,
    handlers: recorder(calls, behaviour),
    logger: pino({ level: "silent" }),
  });
  await runtime.initialize();
  return runtime;
}

const start = say({ type: "start_flow", flow: "log" });
const item = (value: string) => say({ type: "set_slot", slot: "item", value });

async function storedData(store: Checkpointer, id: string) {
  return (await store.load(id))?.state.data;
}

describe("handler context: turn, idempotency key, conversation data", () => {
  it("numbers turns and keys calls conversation/turn/handler, /2 for a repeat in the turn", async () => {
    const calls: Call[] = [];
    const store = new MemoryCheckpointer();
    const runtime = await runtimeOn(store, calls);
    await runtime.processMessage(start, "ana");
    await runtime.processMessage(item("apples"), "ana");
    await runtime.processMessage(item("pears"), "ana");
    expect(calls).toEqual([
      { turn: 2, key: "ana/2/record", item: "apples" },
      { turn: 2, key: "ana/2/record/2", item: "apples" },
      { turn: 3, key: "ana/3/record", item: "pears" },
      { turn: 3, key: "ana/3/record/2", item: "pears" },
    ]);
    await runtime.cleanup();
  });

  it("saves ctx.data with the conversation, for later turns and other runtimes on the store", async () => {
    const calls: Call[] = [];
    const store = new MemoryCheckpointer();
    const first = await runtimeOn(store, calls);
    const second = await runtimeOn(store, calls);
    await first.processMessage(start, "ben");
    await first.processMessage(item("a"), "ben");
    await second.processMessage(item("b"), "ben");
    expect(await storedData(store, "ben")).toEqual({ items: ["a", "a", "b", "b"] });
    await first.cleanup();
    await second.cleanup();
  });

  it("discards the data changes of a handler that throws", async () => {
    const calls: Call[] = [];
    const store = new MemoryCheckpointer();
    const runtime = await runtimeOn(store, calls, (ctx) => {
      if (ctx.data.items && (ctx.data.items as string[]).includes("bad")) throw new Error("no");
    });
    await runtime.processMessage(start, "cy");
    await runtime.processMessage(item("good"), "cy");
    await runtime.processMessage(item("bad"), "cy");
    expect(await storedData(store, "cy")).toEqual({ items: ["good", "good"] });
    await runtime.cleanup();
  });

  it("refuses data that is not JSON: the call fails and the data stays as it was", async () => {
    const calls: Call[] = [];
    const store = new MemoryCheckpointer();
    const runtime = await runtimeOn(store, calls, (ctx) => {
      if ((ctx.data.items as string[]).includes("date")) ctx.data.when = new Date();
    });
    await runtime.processMessage(start, "dee");
    await runtime.processMessage(item("x"), "dee");
    const reply = await runtime.processMessage(item("date"), "dee");
    expect(reply.response).toMatch(/went wrong|error|sorry/i);
    expect(await storedData(store, "dee")).toEqual({ items: ["x", "x"] });
    await runtime.cleanup();
  });

  it("re-runs a turn that lost a save race on fresh data, passing each call its first key", async () => {
    const calls: Call[] = [];
    const memory = new MemoryCheckpointer();
    let interfere = false;
    // A store without leases whose next save is preceded by another process's turn.
    const store: Checkpointer = {
      backend: "racy",
      load: (id) => memory.load(id),
      async save(id, state: DialogueState, version: number, turn?: TurnRecord) {
        if (interfere) {
          interfere = false;
          const other = await memory.load(id);
          const data = { items: [...((other?.state.data?.items as string[]) ?? []), "other"] };
          await memory.save(
            id,
            { ...other!.state, turn_count: other!.state.turn_count + 1, data },
            version,
          );
        }
        return memory.save(id, state, version, turn);
      },
      delete: (id) => memory.delete(id),
      listTurns: (id, options) => memory.listTurns(id, options),
      close: () => memory.close(),
    };
    const runtime = await runtimeOn(store, calls);
    await runtime.processMessage(start, "eve");
    interfere = true;
    const reply = await runtime.processMessage(item("figs"), "eve");
    expect(reply.turnCount).toBe(3);
    // Attempt 1 ran as turn 2; the re-run as turn 3 keeps the keys of attempt 1's calls.
    expect(calls.map((c) => [c.turn, c.key])).toEqual([
      [2, "eve/2/record"],
      [2, "eve/2/record/2"],
      [3, "eve/2/record"],
      [3, "eve/2/record/2"],
    ]);
    // Only the re-run's changes were saved, on top of what the other process committed.
    expect((await memory.load("eve"))?.state.data).toEqual({ items: ["other", "figs", "figs"] });
    await runtime.cleanup();
  });

  it("takes a lost lease again and saves without running the handlers again", async () => {
    const calls: Call[] = [];
    const memory = new MemoryCheckpointer();
    let loseNext = false;
    const store = Object.assign(Object.create(memory) as MemoryCheckpointer, {
      save(id: string, state: DialogueState, v: number, turn?: TurnRecord, o?: SaveOptions) {
        if (loseNext) {
          loseNext = false;
          return Promise.reject(new LeaseLostError(id, o?.leaseToken ?? 0));
        }
        return memory.save(id, state, v, turn, o);
      },
    });
    const methods = ["load", "delete", "listTurns", "close"] as const;
    for (const method of [...methods, "tryAcquireLease", "renewLease", "releaseLease"] as const) {
      (store as unknown as Record<string, unknown>)[method] = memory[method].bind(memory);
    }
    const runtime = await runtimeOn(store, calls);
    await runtime.processMessage(start, "fay");
    loseNext = true;
    const reply = await runtime.processMessage(item("kiwi"), "fay");
    expect(reply.turnCount).toBe(2);
    expect(calls).toHaveLength(2);
    expect((await memory.load("fay"))?.state.data).toEqual({ items: ["kiwi", "kiwi"] });
    expect((await runtime.cleanup()).ok).toBe(true);
  });
});
