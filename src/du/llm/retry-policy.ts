import { APIConnectionError, APIError } from "openai";

/** First retry waits about this long; each next one doubles, up to MAX_DELAY_MS. */
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * Exponential backoff with jitter: a random delay in [50%, 100%] of base * 2^attempt, so that
 * many conversations failing together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** Worth another attempt: timeouts, network failures, rate limits and server errors (5xx). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIError && typeof error.status === "number") {
    return error.status === 429 || error.status === 408 || error.status >= 500;
  }
  return false;
}

/** The server rejects `response_format: json_schema` (older vLLM, LM Studio, some proxies). */
export function rejectsJsonSchema(error: unknown): boolean {
  if (!(error instanceof APIError)) return false;
  if (error.status !== 400 && error.status !== 422 && error.status !== 501) return false;
  return /response_format|json_schema|schema|structured/i.test(error.message);
}

export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** Sleeps, unless `signal` fires first (then resolves at once; the caller checks the signal). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
