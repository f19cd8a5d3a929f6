import type { Logger } from "pino";
import type { Checkpointer, StoredConversation } from "./checkpointer.ts";
import { ConversationBusyError } from "./errors.ts";

/** A store that implements the lease methods of the Checkpointer contract. */
export type LeasingCheckpointer = Checkpointer &
  Required<Pick<Checkpointer, "tryAcquireLease" | "renewLease" | "releaseLease">>;

export function supportsLeases(store: Checkpointer): store is LeasingCheckpointer {
  return (
    typeof store.tryAcquireLease === "function" &&
    typeof store.renewLease === "function" &&
    typeof store.releaseLease === "function"
  );
}

export interface LeaseOptions {
  /** How long the lease lasts without renewal; renewed every third of it while held. */
  ttlMs: number;
  /** How long to wait for a lease another turn holds before ConversationBusyError. */
  waitMs: number;
  /** Aborting stops the wait; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  logger?: () => Logger;
  /** Read the conversation with the lease where the store can (`loadsWithLease`). */
  load?: boolean;
}

/** A lease this process holds; renewed in the background until released. */
export interface HeldLease {
  readonly conversationId: string;
  /** The fencing token: saves carry it, and a store refuses them once the lease is lost. */
  readonly token: number;
  /** A renewal found the lease gone (expired, then taken); saves with this token will fail. */
  readonly lost: boolean;
  /**
   * The conversation as stored when the lease was taken, read in the same transaction (asked
   * with `load` of a store that `loadsWithLease`); undefined when it was not read.
   */
  readonly loaded?: StoredConversation | null;
  /** Stops renewing and gives the lease up; never throws (an unreleased lease just expires). */
  release(): Promise<void>;
  /** Stops renewing a lease the store already gave up (a save with `releaseLease`). */
  releasedByStore(): Promise<void>;
}

const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 100;

/**
 * Takes a conversation's lease, polling while another process holds it (a turn is usually
 * milliseconds long, so polling with a short, growing, jittered interval costs little and
 * needs no notification channel), at most `waitMs`.
 */
export async function acquireLease(
  store: LeasingCheckpointer,
  conversationId: string,
  options: LeaseOptions,
): Promise<HeldLease> {
  const started = Date.now();
  const deadline = started + options.waitMs;
  let poll = FIRST_POLL_MS;
  for (;;) {
    options.signal?.throwIfAborted();
    const attempt = options.load
      ? await store.tryAcquireLease(conversationId, options.ttlMs, { load: true })
      : await store.tryAcquireLease(conversationId, options.ttlMs);
    if ("token" in attempt) {
      return holdLease(store, conversationId, attempt.token, attempt.loaded, options);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new ConversationBusyError(conversationId, Date.now() - started, attempt.heldForMs);
    }
    const pause = Math.min(left, attempt.heldForMs, poll * (0.5 + Math.random()));
    await sleep(Math.max(1, pause), options.signal);
    poll = Math.min(MAX_POLL_MS, poll * 1.5);
  }
}

function holdLease(
  store: LeasingCheckpointer,
  conversationId: string,
  token: number,
  loaded: StoredConversation | null | undefined,
  options: LeaseOptions,
): HeldLease {
  const lease = new RenewedLease(store, conversationId, token, loaded, options);
  renewals.add(options.ttlMs, lease);
  return lease;
}

/** A held lease as a class, not closures: it is made on every turn. */
class RenewedLease implements HeldLease {
  readonly conversationId: string;
  readonly token: number;
  readonly loaded: StoredConversation | null | undefined;
  readonly #store: LeasingCheckpointer;
  readonly #options: LeaseOptions;
  #lost = false;
  #renewing: Promise<void> | undefined;
  #released: Promise<void> | undefined;

  constructor(
    store: LeasingCheckpointer,
    conversationId: string,
    token: number,
    loaded: StoredConversation | null | undefined,
    options: LeaseOptions,
  ) {
    this.#store = store;
    this.conversationId = conversationId;
    this.token = token;
    this.loaded = loaded;
    this.#options = options;
  }

  get lost(): boolean {
    return this.#lost;
  }

  /** Called by the renewal timer; one renewal at a time. */
  tick(): void {
    this.#renewing ??= this.#renew().finally(() => {
      this.#renewing = undefined;
    });
  }

  release(): Promise<void> {
    this.#released ??= this.#stop(true);
    return this.#released;
  }

  releasedByStore(): Promise<void> {
    this.#released ??= this.#stop(false);
    return this.#released;
  }

  async #renew(): Promise<void> {
    const { conversationId, token } = this;
    const store = this.#store;
    const options = this.#options;
    try {
      if (!(await store.renewLease(conversationId, token, options.ttlMs)) && !this.#released) {
        this.#lost = true;
        renewals.remove(options.ttlMs, this);
        options.logger?.().warn({ token }, "conversation lease lost before the turn finished");
      }
    } catch (error) {
      // The store may be back before the lease runs out; the next renewal tries again.
      options.logger?.().warn({ err: error, token }, "conversation lease renewal failed");
    }
  }

  async #stop(inStore: boolean): Promise<void> {
    renewals.remove(this.#options.ttlMs, this);
    await this.#renewing;
    if (!inStore) return;
    try {
      await this.#store.releaseLease(this.conversationId, this.token);
    } catch (error) {
      this.#options
        .logger?.()
        .warn({ err: error, token: this.token }, "conversation lease release failed");
    }
  }
}

/**
 * Renews the leases this process holds: one timer per lease duration, ticking every third of
 * it, instead of a timer created and cleared by every turn (most turns end long before their
 * first renewal). A lease taken just before a tick is renewed early, which is harmless; none
 * waits longer than a third of its duration. The timer stops after a tick with no lease.
 */
class Renewals {
  readonly #byTtl = new Map<number, { timer: NodeJS.Timeout; leases: Set<RenewedLease> }>();

  add(ttlMs: number, lease: RenewedLease): void {
    let group = this.#byTtl.get(ttlMs);
    if (!group) {
      const leases = new Set<RenewedLease>();
      const timer = setInterval(() => {
        if (leases.size === 0) {
          clearInterval(timer);
          this.#byTtl.delete(ttlMs);
          return;
        }
        for (const lease of leases) lease.tick();
      }, ttlMs / 3);
      timer.unref();
      group = { timer, leases };
      this.#byTtl.set(ttlMs, group);
    }
    group.leases.add(lease);
  }

  remove(ttlMs: number, lease: RenewedLease): void {
    this.#byTtl.get(ttlMs)?.leases.delete(lease);
  }
}

const renewals = new Renewals();

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
