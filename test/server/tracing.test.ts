import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { buildApp } from "../../src/server/app.ts";
import { completion, FakeOpenAiServer } from "../du/llm/fake-openai-server.ts";
import { captureLog } from "./helpers/fake-runtime.ts";

const exporter = new InMemorySpanExporter();
const llm = new FakeOpenAiServer();
let baseUrl: string;

const domainText = (url: string) => `
version: "1"
settings:
  du:
    mode: llm
    model: test-model
    base_url: ${url}
    api_key_env: SONI_TRACING_TEST_KEY
slots:
  result:
    type: string
    internal: true
actions:
  lookup:
    description: Looks something up
    outputs: [result]
flows:
  work:
    description: Do the work
    trigger:
      intents: [run the job]
    steps:
      - step: run
        type: action
        action: lookup
        map_outputs:
          result: result
      - step: done
        type: say
        message: "Done: {result}"
`;

beforeAll(async () => {
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  baseUrl = await llm.start();
  llm.reply((_request, res) =>
    completion(JSON.stringify({ commands: [{ type: "start_flow", flow: "work" }] }), res),
  );
});

afterAll(async () => {
  trace.disable();
  context.disable();
  propagation.disable();
  await llm.stop();
});

/** Each span's children's names, by the parent's name: the shape of the tree. */
function children(spans: ReadableSpan[], parent: ReadableSpan): ReadableSpan[] {
  return spans
    .filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId)
    .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
}

describe("OpenTelemetry spans of one turn", () => {
  it("nests HTTP request -> turn -> store load, DU (LLM call), DM (handler), store save", async () => {
    const domain = await loadDomainFromText(domainText(baseUrl), "tracing.yaml", process.cwd());
    const log = captureLog();
    const soni = buildApp({
      logger: log.logger,
      domain,
      configBaseDir: process.cwd(),
      access: {},
      createRuntime: (loaded, options) =>
        new RuntimeLoop(loaded, {
          logger: options.logger,
          defaultBackend: "memory",
          handlers: { actions: { lookup: async () => ({ result: "found" }) } },
          ...(options.observer ? { observer: options.observer } : {}),
        }),
    });
    try {
      await soni.install(domain);
      exporter.reset();
      const reply = await soni.app.inject({
        method: "POST",
        url: "/message",
        headers: { "content-type": "application/json", "x-request-id": "req-trace-1" },
        payload: JSON.stringify({ user_id: "tracer", message: "please run the job" }),
      });
      expect(reply.statusCode).toBe(200);
      expect(reply.json().response).toBe("Done: found");

      const spans = exporter.getFinishedSpans();
      const root = spans.find((span) => span.name === "POST /message");
      expect(root, spans.map((s) => s.name).join(", ")).toBeDefined();
      expect(root!.parentSpanContext).toBeUndefined();
      expect(root!.attributes["http.route"]).toBe("/message");
      expect(root!.attributes["http.response.status_code"]).toBe(200);

      const [turn, ...others] = children(spans, root!);
      expect(others).toEqual([]);
      expect(turn!.name).toBe("soni.turn");
      expect(turn!.attributes).toMatchObject({
        "soni.turn": 1,
        "soni.flow": "",
        "soni.du.source": "llm",
      });
      expect(children(spans, turn!).map((span) => span.name)).toEqual([
        "soni.store.load",
        "soni.du",
        "soni.dm",
        "soni.store.save",
      ]);
      const [load, du, dm, save] = children(spans, turn!);
      expect(load!.attributes).toMatchObject({
        "db.system.name": "memory",
        "db.operation.name": "load",
      });
      expect(save!.attributes["db.operation.name"]).toBe("save");
      expect(du!.attributes).toMatchObject({
        "soni.du.source": "llm",
        "gen_ai.usage.input_tokens": 321,
        "gen_ai.usage.output_tokens": 12,
      });
      const [call] = children(spans, du!);
      expect(call!.name).toBe("chat test-model");
      expect(call!.attributes).toMatchObject({
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "test-model",
        "gen_ai.usage.input_tokens": 321,
        "gen_ai.usage.output_tokens": 12,
      });
      expect(children(spans, dm!).map((span) => span.attributes["soni.handler"])).toEqual([
        "actions.lookup",
      ]);
      const traceIds = new Set(spans.map((span) => span.spanContext().traceId));
      expect(traceIds.size).toBe(1);

      // The turn's log line connects to the request and the trace.
      const line = log.lines.find((entry) => entry.msg === "Turn processed");
      expect(line).toMatchObject({
        request_id: "req-trace-1",
        conversation_id: "tracer",
        turn: 1,
        trace_id: root!.spanContext().traceId,
      });
    } finally {
      await soni.app.close();
    }
  });
});
