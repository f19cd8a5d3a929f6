import { context as otelContext, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type OpenAI from "openai";
import { APIUserAbortError } from "openai";
import type { Logger } from "pino";
import type { Agent } from "undici";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { type Command, parseCommands } from "../../protocol/commands.ts";
import type { DialogueState } from "../../protocol/state.ts";
import type { HeuristicUnderstanding } from "../heuristic/heuristic-understanding.ts";
import type {
  DialogueUnderstanding,
  UnderstandingContext,
  UnderstandingResult,
} from "../understanding.ts";
import { createOpenAiClient } from "./llm-endpoint.ts";
import { buildPrompt } from "./prompt.ts";
import { commandsJsonSchema, llmResponseSchema } from "./response-schema.ts";
import {
  backoffDelay,
  isRetryable,
  rejectsJsonSchema,
  sleep,
  TimeoutError,
} from "./retry-policy.ts";

export interface LlmOptions {
  model: string;
  /** Any OpenAI-compatible endpoint; the OpenAI API when absent. */
  baseUrl?: string;
  /** The key itself (read by the factory from the env var named in settings); may be absent for local servers. */
  apiKey?: string;
  timeoutMs: number;
  retries: number;
  temperature: number;
  logger: Logger;
  /** Answers when the model cannot: timeout, error, invalid output, or after close(). */
  fallback: HeuristicUnderstanding;
}

type OutputMode = "json_schema" | "json_object";

const tracer = trace.getTracer("soni");

/** The output was not `{commands: [...]}` with at least one usable command. */
class InvalidOutputError extends Error {
  override readonly name = "InvalidOutputError";
}

class ClosedError extends Error {
  override readonly name = "ClosedError";
}

/**
 * Dialogue understanding by an OpenAI-compatible chat model with structured output. The model
 * only interprets; anything it returns is validated, and every failure falls back to the
 * heuristic DU for that turn.
 */
export class LlmUnderstanding implements DialogueUnderstanding {
  private readonly client: OpenAI;
  private readonly agent: Agent;
  private readonly closing = new AbortController();
  private readonly schema = commandsJsonSchema();
  private mode: OutputMode = "json_schema";
  private closed = false;
  private readonly logger: Logger;

  constructor(private readonly options: LlmOptions) {
    this.logger = options.logger.child({ component: "du.llm", model: options.model });
    const { client, agent } = createOpenAiClient(options);
    this.client = client;
    this.agent = agent;
  }

  async understand(message: string, context: UnderstandingContext): Promise<UnderstandingResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const { commands, usage, attempts } = await this.ask(message, context);
      const latency = elapsed();
      this.logger.info(
        {
          latency_ms: Math.round(latency),
          attempts,
          prompt_tokens: usage?.prompt_tokens,
          completion_tokens: usage?.completion_tokens,
          commands: commands.map((c) => c.type),
        },
        "LLM understanding",
      );
      const result: UnderstandingResult = { commands, source: "llm", latency_ms: latency };
      if (usage) result.usage = usage;
      return result;
    } catch (error) {
      const commands = this.options.fallback.read(message, context.domain, context.state);
      this.logger.warn(
        { reason: describe(error), latency_ms: Math.round(elapsed()) },
        "LLM understanding failed; falling back to the heuristic DU for this turn",
      );
      return { commands, source: "fallback", latency_ms: elapsed() };
    }
  }

  /** Aborts requests in flight and closes the HTTP connections; idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort(new ClosedError("the LLM DU is closed"));
    await this.agent.destroy();
  }

  private async ask(
    message: string,
    context: UnderstandingContext,
  ): Promise<{
    commands: Command[];
    usage?: { prompt_tokens: number; completion_tokens: number };
    attempts: number;
  }> {
    const { retries } = this.options;
    let attempt = 0;
    for (;;) {
      if (this.closed) throw new ClosedError("the LLM DU is closed");
      if (context.signal?.aborted) throw new Error("the turn was abandoned");
      try {
        const out = await this.tracedAttempt(message, context);
        return { ...out, attempts: attempt + 1 };
      } catch (error) {
        if (this.mode === "json_schema" && rejectsJsonSchema(error)) {
          // Not a failure of the model: ask again at once in JSON mode, and stay in it.
          this.logger.warn(
            { reason: describe(error) },
            "Server rejects json_schema output; using json_object mode with schema validation",
          );
          this.mode = "json_object";
          continue;
        }
        if (attempt >= retries || !isRetryable(error) || this.closed) throw error;
        const delay = backoffDelay(attempt);
        this.logger.debug(
          { attempt: attempt + 1, delay_ms: delay, reason: describe(error) },
          "Retrying LLM call",
        );
        attempt++;
        await sleep(delay, this.closing.signal);
      }
    }
  }

  /**
   * One call, in a `chat <model>` client span with the OpenTelemetry GenAI attributes when an
   * SDK records; otherwise the call alone.
   */
  private async tracedAttempt(message: string, context: UnderstandingContext) {
    const call = () => this.attempt(message, context.domain, context.state, context.signal);
    const span = tracer.startSpan(`chat ${this.options.model}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": this.options.model,
      },
    });
    if (!span.isRecording()) return call();
    try {
      const out = await otelContext.with(trace.setSpan(otelContext.active(), span), call);
      if (out.usage) {
        span.setAttributes({
          "gen_ai.usage.input_tokens": out.usage.prompt_tokens,
          "gen_ai.usage.output_tokens": out.usage.completion_tokens,
        });
      }
      return out;
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute("error.type", error instanceof Error ? error.name : "error");
      throw error;
    } finally {
      span.end();
    }
  }

  private async attempt(
    message: string,
    domain: LoadedDomain,
    state: Readonly<DialogueState>,
    turnSignal: AbortSignal | undefined,
  ): Promise<{
    commands: Command[];
    usage?: { prompt_tokens: number; completion_tokens: number };
  }> {
    const timer = new AbortController();
    const timeout = setTimeout(
      () => timer.abort(new TimeoutError(`no answer within ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    const signals = [this.closing.signal, timer.signal];
    if (turnSignal) signals.push(turnSignal);
    const signal = AbortSignal.any(signals);
    const prompt = buildPrompt(
      message,
      domain,
      state,
      this.mode === "json_object" ? this.schema : undefined,
    );
    try {
      const response = await this.client.chat.completions.create(
        {
          model: this.options.model,
          temperature: this.options.temperature,
          messages: [
            { role: "system", content: prompt.system },
            ...prompt.examples.flatMap((e) => [
              { role: "user" as const, content: e.user },
              { role: "assistant" as const, content: e.assistant },
            ]),
            { role: "user", content: prompt.user },
          ],
          response_format:
            this.mode === "json_schema"
              ? {
                  type: "json_schema",
                  json_schema: { name: "commands", schema: this.schema, strict: false },
                }
              : { type: "json_object" },
        },
        { signal },
      );
      const usage = response.usage
        ? {
            prompt_tokens: response.usage.prompt_tokens,
            completion_tokens: response.usage.completion_tokens,
          }
        : undefined;
      const commands = this.validate(response.choices[0]?.message?.content ?? "", domain);
      return usage ? { commands, usage } : { commands };
    } catch (error) {
      // The SDK reports every abort alike; say which one it was.
      if (error instanceof APIUserAbortError || signal.aborted) {
        if (timer.signal.aborted) throw timer.signal.reason;
        if (this.closing.signal.aborted) throw this.closing.signal.reason;
        if (turnSignal?.aborted) throw new Error("the turn was abandoned");
      }
      throw error;
    } finally {
      clearTimeout(timeout);
    }
  }

  /** Parses the model's answer; drops (and logs) commands that are malformed or name unknown things. */
  private validate(content: string, loaded: LoadedDomain): Command[] {
    let raw: unknown;
    try {
      raw = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ""));
    } catch {
      throw new InvalidOutputError(`the model's answer is not JSON: ${content.slice(0, 200)}`);
    }
    const parsed = llmResponseSchema.safeParse(raw);
    if (!parsed.success) {
      throw new InvalidOutputError(
        `the model's answer is not {"commands": [...]}: ${content.slice(0, 200)}`,
      );
    }
    const { domain } = loaded;
    const known = parseCommands(parsed.data.commands, this.logger).filter((c) => {
      const problem = unknownName(c, domain);
      if (problem) this.logger.warn({ command: c, problem }, "Dropped invalid command");
      return !problem;
    });
    if (parsed.data.commands.length > 0 && known.length === 0) {
      throw new InvalidOutputError("every command the model returned was invalid");
    }
    return known.map((c) =>
      c.type === "deny" && c.slot_to_change && !(c.slot_to_change in domain.slots)
        ? { type: "deny" }
        : c,
    );
  }
}

/** Why a well-formed command still cannot run in this domain. */
function unknownName(c: Command, domain: LoadedDomain["domain"]): string | null {
  switch (c.type) {
    case "start_flow": {
      const flow = domain.flows[c.flow];
      if (!flow) return `unknown flow ${c.flow}`;
      if (flow.internal) return `flow ${c.flow} is internal`;
      const bad = Object.keys(c.slots ?? {}).find((s) => !(s in domain.slots));
      return bad ? `unknown slot ${bad}` : null;
    }
    case "set_slot":
    case "correct_slot":
    case "clear_slot":
    case "skip_slot": {
      const def = domain.slots[c.slot];
      if (!def) return `unknown slot ${c.slot}`;
      return def.internal ? `slot ${c.slot} is internal` : null;
    }
    default:
      return null;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
