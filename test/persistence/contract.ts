import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Checkpointer } from "../../src/persistence/checkpointer.ts";
import {
  CheckpointerClosedError,
  ConversationBusyError,
  LeaseLostError,
  VersionConflictError,
} from "../../src/persistence/errors.ts";
import {
  acquireLease,
  type LeasingCheckpointer,
  supportsLeases,
} from "../../src/persistence/lease.ts";
import type { DialogueState, TurnRecord } from "../../src/protocol/state.ts";
import { emptyState } from "../../src/protocol/state.ts";

export interface ContractFactoryOptions {
  turnLogRetention?: number;
}

export interface ContractOptions {
  /** Opens a checkpointer on the backend's shared test store. */
  open: (options?: ContractFactoryOptions) => Promise<Checkpointer>;
  /** Whether a second checkpointer opened later sees what the first one saved. */
  persistent: boolean;
}

export function sampleState(conversationId: string, turnCount = 0): DialogueState {
  return {
    ...emptyState(conversationId),
    turn_count: turnCount,
    flow_stack: [
      {
        flow: "transfer_funds",
        instance_id: "f-1",
        step: "ask_amount",
        slots: { beneficiary_name: "Maria", amount: 50.25, confirmed: null },
        loop_counts: {},
      },
    ],
    waiting_for: { kind: "slot", slot: "amount", flow_instance: "f-1", step: "ask_amount" },
  };
}

export function sampleTurn(turn: number): TurnRecord {
  return {
    turn,
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, turn)).toISOString(),
    user_message: `message ${turn}`,
    commands: [{ type: "set_slot", slot: "amount", value: turn }] as TurnRecord["commands"],
    steps: [{ flow: "transfer_funds", step: "ask_amount", type: "collect" }],
    messages: [`reply ${turn}`],
  };
}

function newId(): string {
  return `contract-${randomUUID()}`;
}

/**
 * The Checkpointer contract (src/persistence/checkpointer.ts), run unchanged against every
 * backend: each backend's test file calls this with a factory for its store.
 */
export function describeCheckpointerContract(name: string, options: ContractOptions): void {
  describe(`${name} checkpointer contract`, () => {
    const opened: Checkpointer[] = [];
    const open = async (factoryOptions?: ContractFactoryOptions) => {
      const checkpointer = await options.open(factoryOptions);
      opened.push(checkpointer);
      return checkpointer;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((checkpointer) => checkpointer.close()));
    });

    it("loads a conversation never saved as null", async () => {
      const store = await open();
      expect(await store.load(newId())).toBeNull();
    });

    it("saves a new conversation at version 1 and each later save increments it", async () => {
      const store = await open();
      const id = newId();
      expect(await store.save(id, sampleState(id, 1), 0)).toBe(1);
      expect(await store.save(id, sampleState(id, 2), 1)).toBe(2);
      expect(await store.load(id)).toEqual({ state: sampleState(id, 2), version: 2 });
    });

    it("rejects a stale version with VersionConflictError and keeps the stored state", async () => {
      const store = await open();
      const id = newId();
      await store.save(id, sampleState(id, 1), 0);
      await store.save(id, sampleState(id, 2), 1);

      const stale = store.save(id, sampleState(id, 99), 1, sampleTurn(99));
      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      await expect(store.save(id, sampleState(id, 99), 0)).rejects.toMatchObject({
        name: "VersionConflictError",
        actualVersion: 2,
      });
      expect(await store.load(id)).toEqual({ state: sampleState(id, 2), version: 2 });
      expect(await store.listTurns(id)).toEqual([]);
    });

    it("reports a missing conversation as actual version null on conflict", async () => {
      const store = await open();
      const id = newId();
      await expect(store.save(id, sampleState(id), 3)).rejects.toMatchObject({
        name: "VersionConflictError",
        actualVersion: null,
      });
      expect(await store.load(id)).toBeNull();
    });

    it("rejects an invalid expected version without writing", async () => {
      const store = await open();
      const id = newId();
      await expect(store.save(id, sampleState(id), -1)).rejects.toBeInstanceOf(RangeError);
      await expect(store.save(id, sampleState(id), 1.5)).rejects.toBeInstanceOf(RangeError);
      expect(await store.load(id)).toBeNull();
    });

    it("lets exactly one of several concurrent saves with the same expected version win", async () => {
      const store = await open();
      const id = newId();
      await store.save(id, sampleState(id, 1), 0);
      const attempts = Array.from({ length: 8 }, (_, i) =>
        store.save(id, sampleState(id, 100 + i), 1, sampleTurn(100 + i)),
      );
      const results = await Promise.allSettled(attempts);
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === "rejected")
          expect(result.reason).toBeInstanceOf(VersionConflictError);
        else expect(result.value).toBe(2);
      }
      const winner = 100 + won[0]!;
      expect(await store.load(id)).toEqual({ state: sampleState(id, winner), version: 2 });
      expect(await store.listTurns(id)).toEqual([sampleTurn(winner)]);
    });

    it("also lets exactly one concurrent first save (expected version 0) win", async () => {
      const store = await open();
      const id = newId();
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => store.save(id, sampleState(id, i), 0)),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((await store.load(id))?.version).toBe(1);
    });

    it("deletes a conversation and its turn log; a new conversation can start over", async () => {
      const store = await open();
      const id = newId();
      const other = newId();
      await store.save(id, sampleState(id, 1), 0, sampleTurn(1));
      await store.save(other, sampleState(other, 1), 0, sampleTurn(1));
      expect(await store.delete(id)).toBe(true);
      expect(await store.load(id)).toBeNull();
      expect(await store.listTurns(id)).toEqual([]);
      expect(await store.delete(id)).toBe(false);
      expect((await store.load(other))?.version).toBe(1);
      expect(await store.listTurns(other)).toHaveLength(1);
      expect(await store.save(id, sampleState(id, 5), 0, sampleTurn(5))).toBe(1);
      expect(await store.listTurns(id)).toEqual([sampleTurn(5)]);
    });

    it("appends turns in order; listTurns limit keeps the newest, oldest first", async () => {
      const store = await open();
      const id = newId();
      for (let turn = 1; turn <= 5; turn++) {
        await store.save(id, sampleState(id, turn), turn - 1, sampleTurn(turn));
      }
      await store.save(id, sampleState(id, 6), 5); // a save without a turn appends nothing
      expect(await store.listTurns(id)).toEqual([1, 2, 3, 4, 5].map(sampleTurn));
      expect(await store.listTurns(id, { limit: 2 })).toEqual([4, 5].map(sampleTurn));
      expect(await store.listTurns(id, { limit: 50 })).toHaveLength(5);
      expect(await store.listTurns(id, { limit: 0 })).toEqual([]);
      await expect(store.listTurns(id, { limit: -1 })).rejects.toBeInstanceOf(RangeError);
    });

    it("keeps only the newest turns the retention allows", async () => {
      const store = await open({ turnLogRetention: 3 });
      const id = newId();
      for (let turn = 1; turn <= 7; turn++) {
        await store.save(id, sampleState(id, turn), turn - 1, sampleTurn(turn));
      }
      expect(await store.listTurns(id)).toEqual([5, 6, 7].map(sampleTurn));

      const none = await open({ turnLogRetention: 0 });
      const quiet = newId();
      await none.save(quiet, sampleState(quiet, 1), 0, sampleTurn(1));
      expect(await none.listTurns(quiet)).toEqual([]);
      expect((await none.load(quiet))?.version).toBe(1);
    });

    it("round-trips a state deeply equal: unicode, nesting, every JSON value kind", async () => {
      const store = await open();
      const id = `${newId()}-ñ-会話-🙂`;
      const state = sampleState(id, 3);
      state.flow_stack[0]!.slots = {
        beneficiary_name: "Zoë Ågren-Ñúñez 王小明 محمد 👩‍👩‍👧 e\u0301",
        control: 'tab\tnewline\nquote" backslash\\ nul\u0000 end',
        amount: -1234.5678,
        big: 9007199254740991,
        flag: false,
        nothing: null,
        nested: { list: [1, "two", { three: [true, null, { deep: "ok" }] }], empty: {} },
      } as never;
      state.history = [
        { role: "user", text: "¿Cuánto tengo? 💶", turn: 1 },
        { role: "bot", text: "Tienes 3.847,52 €", turn: 1 },
      ];
      state.last_turn = sampleTurn(3);
      const turn = { ...sampleTurn(1), user_message: "mañana → 明天 🚀 \u0000" };
      await store.save(id, state, 0, turn);
      expect(await store.load(id)).toEqual({ state, version: 1 });
      expect(await store.listTurns(id)).toEqual([turn]);
    });

    it("stores a copy: mutating saved or loaded objects does not change the stored state", async () => {
      const store = await open();
      const id = newId();
      const state = sampleState(id, 1);
      await store.save(id, state, 0);
      state.turn_count = 42;
      state.flow_stack[0]!.slots.amount = 0;
      const loaded = await store.load(id);
      expect(loaded?.state).toEqual(sampleState(id, 1));
      loaded!.state.flow_stack.length = 0;
      expect((await store.load(id))?.state).toEqual(sampleState(id, 1));
    });

    it("loads the same state when the caller replaces history, last_turn and data (replacesLogs)", async () => {
      const store = await open();
      const id = newId();
      const state = { ...sampleState(id, 1), last_turn: sampleTurn(1), data: { n: [1, 2] } };
      await store.save(id, state, 0);
      const loaded = await store.load(id, { replacesLogs: true });
      expect(loaded).toEqual({ state, version: 1 });
      loaded!.state.flow_stack[0]!.slots.amount = 0;
      expect((await store.load(id))?.state).toEqual(state);
    });

    it("keeps a handed-over state as JSON data: loads are copies, non-JSON is refused", async () => {
      const store = await open();
      const id = newId();
      const state = sampleState(id, 1);
      const turn = sampleTurn(1);
      await store.save(id, state, 0, turn, { handOver: true });
      const loaded = await store.load(id);
      expect(loaded?.state).toEqual(sampleState(id, 1));
      loaded!.state.flow_stack.length = 0;
      (await store.listTurns(id))[0]!.messages.push("changed");
      expect((await store.load(id))?.state).toEqual(sampleState(id, 1));
      expect(await store.listTurns(id)).toEqual([sampleTurn(1)]);
      const bad = sampleState(id, 2);
      (bad.flow_stack[0]!.slots as Record<string, unknown>).when = new Date(0);
      // A durable store turns the Date into a string; the memory store refuses it. Neither keeps a Date.
      const saved = await store.save(id, bad, 1, undefined, { handOver: true }).catch((e) => e);
      const stored = (await store.load(id))?.state.flow_stack[0]?.slots.when;
      if (saved instanceof Error) expect(saved).toBeInstanceOf(TypeError);
      else expect(typeof stored).toBe("string");
    });

    it("closes idempotently; every call after close rejects with CheckpointerClosedError", async () => {
      const store = await open();
      const id = newId();
      await store.save(id, sampleState(id), 0);
      await Promise.all([store.close(), store.close()]);
      await store.close();
      const calls: Promise<unknown>[] = [
        store.load(id),
        store.save(id, sampleState(id), 1),
        store.delete(id),
        store.listTurns(id),
      ];
      for (const call of calls) await expect(call).rejects.toBeInstanceOf(CheckpointerClosedError);
    });

    it("close waits for a save in progress, which completes", async () => {
      const store = await open();
      const id = newId();
      const events: string[] = [];
      const saving = store.save(id, sampleState(id, 1), 0, sampleTurn(1)).then((version) => {
        events.push("saved");
        return version;
      });
      await store.close().then(() => events.push("closed"));
      expect(await saving).toBe(1);
      expect(events).toEqual(["saved", "closed"]);
      if (options.persistent) {
        const reopened = await open();
        expect((await reopened.load(id))?.version).toBe(1);
        expect(await reopened.listTurns(id)).toEqual([sampleTurn(1)]);
      }
    });

    describe("conversation leases", () => {
      /** Two handles on the store, as two processes have (one shared instance for memory). */
      const pair = async (): Promise<[LeasingCheckpointer, LeasingCheckpointer]> => {
        const a = await open();
        const b = options.persistent ? await open() : a;
        if (!supportsLeases(a) || !supportsLeases(b)) throw new Error("store has no leases");
        return [a, b];
      };
      /** Polls until `b` takes the lease `a` let expire (bounded, generous under load). */
      const takeWhenExpired = async (store: LeasingCheckpointer, id: string, ttlMs: number) => {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const attempt = await store.tryAcquireLease(id, ttlMs);
          if ("token" in attempt) return attempt.token;
          if (Date.now() > deadline) throw new Error("the lease never expired");
          await new Promise((r) => setTimeout(r, Math.min(attempt.heldForMs, 50)));
        }
      };

      it("grants a lease to one holder at a time, with a growing fencing token", async () => {
        const [a, b] = await pair();
        const id = newId();
        const first = await a.tryAcquireLease(id, 30_000);
        if (!("token" in first)) throw new Error("first attempt must get the lease");
        const second = await b.tryAcquireLease(id, 30_000);
        expect("token" in second).toBe(false);
        if ("heldForMs" in second) {
          expect(second.heldForMs).toBeGreaterThan(0);
          expect(second.heldForMs).toBeLessThanOrEqual(30_000);
        }
        await a.releaseLease(id, first.token);
        const third = await b.tryAcquireLease(id, 30_000);
        if (!("token" in third)) throw new Error("a released lease must be free");
        expect(third.token).toBeGreaterThan(first.token);
        await b.releaseLease(id, third.token);
      });

      it("ignores a release or renewal with a token that does not hold the lease", async () => {
        const [a, b] = await pair();
        const id = newId();
        const held = await a.tryAcquireLease(id, 30_000);
        if (!("token" in held)) throw new Error("must get the lease");
        await b.releaseLease(id, held.token + 1000);
        expect(await b.renewLease(id, held.token + 1000, 30_000)).toBe(false);
        expect("token" in (await b.tryAcquireLease(id, 30_000))).toBe(false);
        await a.releaseLease(id, held.token);
      });

      it("saves with the token that holds the lease; without a lease the token is refused", async () => {
        const [a] = await pair();
        const id = newId();
        const held = await a.tryAcquireLease(id, 30_000);
        if (!("token" in held)) throw new Error("must get the lease");
        expect(await a.save(id, sampleState(id, 1), 0, undefined, { leaseToken: held.token })).toBe(
          1,
        );
        await a.releaseLease(id, held.token);
        await expect(
          a.save(id, sampleState(id, 2), 1, sampleTurn(2), { leaseToken: held.token }),
        ).rejects.toBeInstanceOf(LeaseLostError);
        expect(await a.load(id)).toEqual({ state: sampleState(id, 1), version: 1 });
        expect(await a.listTurns(id)).toEqual([]);
      });

      it("fences a stale holder: once its lease expired and was taken, its save changes nothing", async () => {
        const [a, b] = await pair();
        const id = newId();
        await a.save(id, sampleState(id, 1), 0);
        const stale = await a.tryAcquireLease(id, 150);
        if (!("token" in stale)) throw new Error("must get the lease");
        const fresh = await takeWhenExpired(b, id, 30_000);
        expect(fresh).toBeGreaterThan(stale.token);
        expect(await a.renewLease(id, stale.token, 30_000)).toBe(false);
        await expect(
          a.save(id, sampleState(id, 9), 1, sampleTurn(2), { leaseToken: stale.token }),
        ).rejects.toBeInstanceOf(LeaseLostError);
        expect(await b.save(id, sampleState(id, 2), 1, sampleTurn(2), { leaseToken: fresh })).toBe(
          2,
        );
        expect((await b.load(id))?.state).toEqual(sampleState(id, 2));
        expect(await b.listTurns(id)).toEqual([sampleTurn(2)]);
        await b.releaseLease(id, fresh);
      });

      it("gives the lease up in a successful save when it can (releaseLease), not in a failed one", async () => {
        const [a, b] = await pair();
        if (!a.releasesLeaseOnSave) return;
        const id = newId();
        const held = await a.tryAcquireLease(id, 30_000);
        if (!("token" in held)) throw new Error("must get the lease");
        const options = { leaseToken: held.token, releaseLease: true };
        await expect(a.save(id, sampleState(id, 1), 5, undefined, options)).rejects.toBeInstanceOf(
          VersionConflictError,
        );
        expect("token" in (await b.tryAcquireLease(id, 30_000))).toBe(false);
        expect(await a.save(id, sampleState(id, 1), 0, sampleTurn(1), options)).toBe(1);
        const next = await b.tryAcquireLease(id, 30_000);
        if (!("token" in next)) throw new Error("the save must have released the lease");
        expect(next.token).toBeGreaterThan(held.token);
        expect(await a.listTurns(id)).toEqual([sampleTurn(1)]);
        await b.releaseLease(id, next.token);
      });

      it("reads the conversation in the lease's transaction when asked (loadsWithLease)", async () => {
        const [a, b] = await pair();
        if (!a.loadsWithLease) return;
        const id = newId();
        const first = await a.tryAcquireLease(id, 30_000, { load: true });
        if (!("token" in first)) throw new Error("must get the lease");
        expect(first.loaded).toBeNull();
        expect(
          await a.save(id, sampleState(id, 1), 0, undefined, {
            leaseToken: first.token,
            releaseLease: a.releasesLeaseOnSave === true,
          }),
        ).toBe(1);
        if (!a.releasesLeaseOnSave) await a.releaseLease(id, first.token);
        const plain = await b.tryAcquireLease(id, 30_000);
        if (!("token" in plain)) throw new Error("must get the lease");
        expect("loaded" in plain).toBe(false);
        const busy = await a.tryAcquireLease(id, 30_000, { load: true });
        expect(busy).not.toHaveProperty("loaded");
        await b.releaseLease(id, plain.token);
        const next = await a.tryAcquireLease(id, 30_000, { load: true });
        if (!("token" in next)) throw new Error("must get the lease");
        expect(next.loaded).toEqual({ state: sampleState(id, 1), version: 1 });
        await a.releaseLease(id, next.token);
      });

      it("keeps a renewed lease past its first expiry", async () => {
        const [a, b] = await pair();
        const id = newId();
        const held = await a.tryAcquireLease(id, 300);
        if (!("token" in held)) throw new Error("must get the lease");
        expect(await a.renewLease(id, held.token, 30_000)).toBe(true);
        await new Promise((r) => setTimeout(r, 400));
        const other = await b.tryAcquireLease(id, 30_000);
        expect("token" in other).toBe(false);
        expect(await a.save(id, sampleState(id, 1), 0, undefined, { leaseToken: held.token })).toBe(
          1,
        );
        await a.releaseLease(id, held.token);
      });

      it("acquireLease waits for the holder, renews while held, and gives up after waitMs", async () => {
        const [a, b] = await pair();
        const id = newId();
        const first = await acquireLease(a, id, { ttlMs: 300, waitMs: 0 });
        // Renewal every ttl/3 keeps the short lease alive well past 300 ms.
        await new Promise((r) => setTimeout(r, 700));
        expect(first.lost).toBe(false);
        const busy = await acquireLease(b, id, { ttlMs: 300, waitMs: 50 }).catch((e) => e);
        expect(busy).toBeInstanceOf(ConversationBusyError);
        expect((busy as ConversationBusyError).retryAfterMs).toBeGreaterThan(0);
        const waiting = acquireLease(b, id, { ttlMs: 30_000, waitMs: 10_000 });
        await new Promise((r) => setTimeout(r, 50));
        await first.release();
        const second = await waiting;
        expect(second.token).toBeGreaterThan(first.token);
        await second.release();
      });
    });
  });
}
