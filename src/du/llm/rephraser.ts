import type OpenAI from "openai";
import type { Logger } from "pino";
import type { Agent } from "undici";
import { createOpenAiClient } from "./llm-endpoint.ts";

export type RephraseTone = "friendly" | "professional" | "formal";

export interface RephraserOptions {
  model: string;
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  tone: RephraseTone;
  timeoutMs: number;
  temperature: number;
  logger: Logger;
}

const INSTRUCTIONS = (tone: RephraseTone) =>
  [
    `Rewrite the assistant's message below in a ${tone} tone, in the same language.`,
    "Keep every fact exactly: names, amounts, dates, references, codes and lists.",
    "Do not add questions, offers or information. Answer with the rewritten message only.",
  ].join(" ");

/**
 * Rewords `say` messages with one call to an OpenAI-compatible model (settings.rephrase).
 * It never fails and never blocks past its timeout: on any error, an empty answer, a timeout
 * or after close(), the message comes back unchanged.
 */
export class LlmRephraser {
  readonly #client: OpenAI;
  readonly #agent: Agent;
  readonly #closing = new AbortController();
  readonly #logger: Logger;
  #closed = false;

  constructor(private readonly options: RephraserOptions) {
    const { client, agent } = createOpenAiClient(options);
    this.#client = client;
    this.#agent = agent;
    this.#logger = options.logger.child({ component: "rephraser", model: options.model });
  }

  async rephrase(text: string): Promise<string> {
    if (this.#closed || text.trim() === "") return text;
    const started = performance.now();
    try {
      const signal = AbortSignal.any([
        this.#closing.signal,
        AbortSignal.timeout(this.options.timeoutMs),
      ]);
      const completion = await this.#client.chat.completions.create(
        {
          model: this.options.model,
          temperature: this.options.temperature,
          messages: [
            { role: "system", content: INSTRUCTIONS(this.options.tone) },
            { role: "user", content: text },
          ],
        },
        { signal },
      );
      const rewritten = completion.choices[0]?.message?.content?.trim();
      if (!rewritten) throw new Error("the model returned no text");
      return rewritten;
    } catch (error) {
      this.#logger.warn(
        {
          reason: error instanceof Error ? error.message : String(error),
          latency_ms: Math.round(performance.now() - started),
        },
        "Rephrasing failed; the message is said as written",
      );
      return text;
    }
  }

  /** Aborts calls in flight and closes the HTTP connections; idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#closing.abort(new Error("the rephraser is closed"));
    await this.#agent.destroy();
  }
}
