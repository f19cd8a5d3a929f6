import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { type ParseJob, type ParseOutcome, tooComplex } from "./posted-domain.ts";

export interface PostedDomainParserOptions {
  logger: Logger;
  /** Longest one domain may take to validate before its worker is stopped. Default 30 s. */
  timeoutMs?: number;
  /** Heap of the worker thread, in MB. Default 512. */
  maxHeapMb?: number;
}

/**
 * Source checkouts run this file as TypeScript (through tsx), an installed package as compiled
 * JavaScript: the worker is the sibling file with the same extension.
 */
function workerScript(): { script: string | URL; eval: boolean } {
  const self = fileURLToPath(import.meta.url);
  const ext = path.extname(self);
  const entry = pathToFileURL(path.join(path.dirname(self), `posted-domain-worker${ext}`));
  if (ext !== ".ts") return { script: entry, eval: false };
  // A worker thread does not inherit the loader hooks of its parent: register tsx in it first.
  const tsx = tsxEsmApi();
  const script = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return { script, eval: true };
}

/** tsx's ESM API by URL (the eval'd bootstrap has no module of its own to resolve it from). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}

interface Pending {
  worker: Worker;
  resolve(outcome: ParseOutcome): void;
  timer: NodeJS.Timeout;
}

const INTERNAL_ERROR = {
  ok: false,
  status: 500,
  code: "internal_error",
  message: "Internal error while validating the domain; see the server logs",
} as const;

const SHUTTING_DOWN: ParseOutcome = {
  ok: false,
  status: 503,
  code: "shutting_down",
  message: "The server is shutting down; retry on another instance.",
};

/**
 * Parses and validates posted domains on a worker thread, so a large or hostile body never
 * blocks the event loop that answers /health and /message. One worker, started on first use
 * and reused; jobs run one at a time. A job that outlives the timeout, or exhausts the worker's
 * heap, stops the worker (the next job starts a new one) and is answered 413.
 */
export class PostedDomainParser {
  readonly #logger: Logger;
  readonly #timeoutMs: number;
  readonly #maxHeapMb: number;
  #worker: Worker | null = null;
  #pending: Pending | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: PostedDomainParserOptions) {
    this.#logger = options.logger;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxHeapMb = options.maxHeapMb ?? 512;
  }

  /** Resolves the outcome (never rejects); jobs queue behind each other. */
  parse(job: ParseJob): Promise<ParseOutcome> {
    const run = this.#queue.then(() => this.#run(job));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker (waiting jobs are answered 503); idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    this.#settle(SHUTTING_DOWN);
    if (worker) await worker.terminate();
  }

  #run(job: ParseJob): Promise<ParseOutcome> {
    if (this.#closed) return Promise.resolve(SHUTTING_DOWN);
    const worker = this.#start();
    return new Promise<ParseOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#logger.warn(
          { timeout_ms: this.#timeoutMs },
          "Posted domain still validating at the timeout; stopping its worker",
        );
        this.#stop(worker);
        this.#settle(tooComplex(`validating it took longer than ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#pending = { worker, resolve, timer };
      worker.postMessage(job);
    });
  }

  /** Answers the job in progress (only if it runs on `from`, when given). */
  #settle(outcome: ParseOutcome, from?: Worker): void {
    const pending = this.#pending;
    if (!pending || (from && pending.worker !== from)) return;
    this.#pending = null;
    clearTimeout(pending.timer);
    if (!outcome.ok && outcome.internal) {
      this.#logger.error({ err: outcome.internal }, "Validating a posted domain failed");
    }
    pending.resolve(outcome);
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const { script, eval: isEval } = workerScript();
    const worker = new Worker(script, {
      eval: isEval,
      resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb },
      stdout: false,
      stderr: false,
    });
    // An idle worker never keeps the process alive; a job in progress is held by its request.
    worker.unref();
    worker.on("message", (outcome: ParseOutcome) => this.#settle(outcome, worker));
    worker.on("error", (error: Error & { code?: string }) => {
      this.#stop(worker);
      const outcome =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? tooComplex("validating it needs more memory than allowed")
          : { ...INTERNAL_ERROR, internal: error.stack ?? error.message };
      this.#settle(outcome, worker);
    });
    worker.on("exit", (code) => {
      if (this.#worker === worker) this.#worker = null;
      this.#settle({ ...INTERNAL_ERROR, internal: `worker exited with code ${code}` }, worker);
    });
    this.#worker = worker;
    return worker;
  }

  #stop(worker: Worker): void {
    if (this.#worker === worker) this.#worker = null;
    void worker.terminate();
  }
}
