import type { Logger } from "pino";
import type { Checkpointer } from "./checkpointer.ts";
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
}

/** A lease this process holds; renewed in the background until released. */
export interface HeldLease {
  readonly conversationId: string;
  /** The fencing token: saves carry it, and a store refuses them once the lease is lost. */
  readonly token: number;
  /** A renewal found the lease gone (expired, then taken); saves with this token will fail. */
  readonly lost: boolean;
  /** Stops renewing and gives the lease up; never throws (an unreleased lease just expires). */
  release(): Promise<void>;
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
    const attempt = await store.tryAcquireLease(conversationId, options.ttlMs);
    if ("token" in attempt) return holdLease(store, conversationId, attempt.token, options);
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
  options: LeaseOptions,
): HeldLease {
  let lost = false;
  let renewing: Promise<void> | undefined;
  const renew = async () => {
    try {
      if (!(await store.renewLease(conversationId, token, options.ttlMs))) {
        lost = true;
        clearInterval(timer);
        options.logger?.().warn({ token }, "conversation lease lost before the turn finished");
      }
    } catch (error) {
      // The store may be back before the lease runs out; the next renewal tries again.
      options.logger?.().warn({ err: error, token }, "conversation lease renewal failed");
    }
  };
  const timer = setInterval(() => {
    renewing ??= renew().finally(() => {
      renewing = undefined;
    });
  }, options.ttlMs / 3);
  timer.unref();
  let released: Promise<void> | undefined;
  return {
    conversationId,
    token,
    get lost() {
      return lost;
    },
    release() {
      released ??= (async () => {
        clearInterval(timer);
        await renewing;
        try {
          await store.releaseLease(conversationId, token);
        } catch (error) {
          options.logger?.().warn({ err: error, token }, "conversation lease release failed");
        }
      })();
      return released;
    },
  };
}

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
