import { parentPort } from "node:worker_threads";
import { type ParseJob, type ParseOutcome, parsePostedDomain } from "./posted-domain.ts";

/**
 * The worker thread of PostedDomainParser: parses and validates posted domains one at a time,
 * off the server's event loop.
 */
parentPort?.on("message", (job: ParseJob) => {
  void parsePostedDomain(job)
    .catch(
      (error: unknown): ParseOutcome => ({
        ok: false,
        status: 500,
        code: "internal_error",
        message: "Internal error while validating the domain; see the server logs",
        internal: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    )
    .then((outcome) => parentPort?.postMessage(outcome));
});
