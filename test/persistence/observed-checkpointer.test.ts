import { describe, expect, it } from "vitest";
import { LeaseLostError } from "../../src/persistence/errors.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import {
  observeCheckpointer,
  type StoreOperationReport,
} from "../../src/persistence/observed-checkpointer.ts";
import { SqliteCheckpointer } from "../../src/persistence/sqlite.ts";
import { sampleState } from "./contract.ts";

describe("observeCheckpointer", () => {
  it("passes the save options through: a save with a lease that is gone is refused", async () => {
    const reports: StoreOperationReport[] = [];
    const store = observeCheckpointer(new MemoryCheckpointer(), {
      storeOperation: (report) => reports.push(report),
    });
    const held = await store.tryAcquireLease("ana", 30_000);
    if (!("token" in held)) throw new Error("must get the lease");
    await store.releaseLease("ana", held.token);
    await expect(
      store.save("ana", sampleState("ana", 1), 0, undefined, { leaseToken: held.token }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await store.load("ana")).toBeNull();
    expect(reports.map((r) => `${r.op}:${r.outcome}`)).toEqual(["save:error", "load:ok"]);
    await store.close();
  });

  it("hands out the store's other methods bound to it, the same function on every read", async () => {
    const inner = new MemoryCheckpointer();
    const store = observeCheckpointer(inner, undefined);
    expect(store.tryAcquireLease).toBe(store.tryAcquireLease);
    const { tryAcquireLease } = store;
    expect("token" in (await tryAcquireLease("bo", 1_000))).toBe(true);
    expect(store.releasesLeaseOnSave).toBe(true);
    await store.close();
  });

  it("times a lease taken with the conversation as that turn's load, a plain one not at all", async () => {
    const reports: StoreOperationReport[] = [];
    const store = observeCheckpointer(new SqliteCheckpointer({ path: ":memory:" }), {
      storeOperation: (report) => reports.push(report),
    });
    expect(store.loadsWithLease).toBe(true);
    const plain = await store.tryAcquireLease("ana", 30_000);
    if (!("token" in plain)) throw new Error("must get the lease");
    await store.releaseLease("ana", plain.token);
    const held = await store.tryAcquireLease("ana", 30_000, { load: true });
    if (!("token" in held)) throw new Error("must get the lease");
    expect(held.loaded).toBeNull();
    expect(reports.map((r) => `${r.backend}:${r.op}:${r.outcome}`)).toEqual(["sqlite:load:ok"]);
    await store.close();
  });
});
