import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import { describeCheckpointerContract, sampleState } from "./contract.ts";

describeCheckpointerContract("memory", {
  open: async (options) => new MemoryCheckpointer({ turnLogRetention: options?.turnLogRetention }),
  persistent: false,
});

describe("MemoryCheckpointer bounds", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("evicts the least recently used conversation beyond maxConversations", async () => {
    const store = new MemoryCheckpointer({ maxConversations: 3 });
    for (const id of ["a", "b", "c"]) await store.save(id, sampleState(id), 0);
    await store.load("a"); // a is now the most recently used; b the least
    await store.save("d", sampleState("d"), 0);
    expect(store.size).toBe(3);
    expect(await store.load("b")).toBeNull();
    for (const id of ["a", "c", "d"]) expect(await store.load(id)).not.toBeNull();
    await store.close();
  });

  it("evicts conversations idle longer than the TTL, by timer and on access", async () => {
    vi.useFakeTimers();
    const store = new MemoryCheckpointer({ idleTtlSeconds: 10 });
    await store.save("idle", sampleState("idle"), 0);
    await store.save("busy", sampleState("busy"), 0);
    vi.advanceTimersByTime(6000);
    await store.load("busy");
    vi.advanceTimersByTime(5000); // idle: 11 s untouched; busy: 5 s
    expect(store.size).toBe(1);
    expect(await store.load("idle")).toBeNull();
    expect(await store.load("busy")).not.toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(await store.load("busy")).toBeNull(); // expired even before the sweep ran
    await store.close();
  });

  it("stops its sweep timer on close", async () => {
    vi.useFakeTimers();
    const before = vi.getTimerCount();
    const store = new MemoryCheckpointer({ idleTtlSeconds: 10 });
    expect(vi.getTimerCount()).toBe(before + 1);
    await store.close();
    expect(vi.getTimerCount()).toBe(before);
  });

  it("never keeps a process alive, even when not closed", () => {
    const script = `import { MemoryCheckpointer } from "./src/persistence/memory.ts";
      const store = new MemoryCheckpointer({ idleTtlSeconds: 1 });
      await store.save("c", { any: "state" }, 0);
      console.log("saved");`;
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: process.cwd(), timeout: 15_000, encoding: "utf8" },
    );
    expect(output.trim()).toBe("saved");
  });

  it("rejects nonsensical bounds", () => {
    expect(() => new MemoryCheckpointer({ maxConversations: 0 })).toThrow(/maxConversations/);
    expect(() => new MemoryCheckpointer({ idleTtlSeconds: 0 })).toThrow(/idleTtlSeconds/);
  });
});

describe("MemoryCheckpointer hand-over", () => {
  it("checks only what a handed-over state does not share with the one kept before", async () => {
    const store = new MemoryCheckpointer();
    const first = sampleState("h", 1);
    first.history = [{ role: "user", text: "hi", turn: 1 }];
    first.data = { note: "kept" };
    await store.save("h", first, 0, undefined, { handOver: true });
    const loaded = (await store.load("h", { replacesLogs: true }))!.state;
    // The shared entry and data are the stored objects; only the new entry is walked.
    const next = { ...loaded, history: [...loaded.history, { role: "bot", text: "ok", turn: 1 }] };
    expect(next.history[0]).toBe(first.history[0]);
    expect(next.data).toBe(first.data);
    await store.save("h", next as typeof first, 1, undefined, { handOver: true });
    expect((await store.load("h"))?.state).toEqual(next);
    // A new entry that is not JSON data is refused as before, shared entries or not.
    const again = (await store.load("h", { replacesLogs: true }))!.state;
    const bad = {
      ...again,
      history: [...again.history, { role: "bot", text: new Date(0), turn: 2 }],
    } as unknown as typeof first;
    await expect(store.save("h", bad, 2, undefined, { handOver: true })).rejects.toThrow(TypeError);
    // A turn record sharing the state's last_turn parts is checked in what it adds.
    const turn = { turn: 2, at: "x", user_message: "m", commands: [], steps: [], messages: [] };
    const withTurn = { ...again, last_turn: turn };
    const record = { ...turn, state_after: { when: new Date(0) } };
    await expect(store.save("h", withTurn, 2, record as never, { handOver: true })).rejects.toThrow(
      TypeError,
    );
    await store.save("h", withTurn, 2, { ...turn, dm_ms: 1 }, { handOver: true });
    expect(await store.listTurns("h")).toEqual([{ ...turn, dm_ms: 1 }]);
    await store.close();
  });
});
