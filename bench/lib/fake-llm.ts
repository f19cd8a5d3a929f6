import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** How the fake answers one chat-completions request. */
export type LlmFault =
  /** Holds the request without answering until the client gives up. */
  | "timeout"
  /** 500 with an OpenAI-style error body. */
  | "server_error"
  /** 429 rate limited. */
  | "rate_limited"
  /** 200 whose body is not JSON. */
  | "garbage"
  /** 200, valid completion, but the message content is not the commands JSON. */
  | "invalid_content"
  /** Closes the socket mid-response. */
  | "reset";

export const ALL_FAULTS: readonly LlmFault[] = [
  "timeout",
  "server_error",
  "rate_limited",
  "garbage",
  "invalid_content",
  "reset",
];

/**
 * A local OpenAI-compatible endpoint that answers every request with a fault, in rotation,
 * so the drill can count how the server degrades (docs/understanding.md: fall back to heuristic).
 */
export interface FakeLlm {
  /** base_url for settings.du, e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  /** Requests received per fault. */
  readonly served: Record<LlmFault, number>;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startFakeLlm(faults: readonly LlmFault[] = ALL_FAULTS): Promise<FakeLlm> {
  if (faults.length === 0) throw new Error("startFakeLlm needs at least one fault");
  const served = Object.fromEntries(ALL_FAULTS.map((f) => [f, 0])) as Record<LlmFault, number>;
  let requests = 0;
  const sockets = new Set<Socket>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const fault = faults[requests % faults.length]!;
    requests++;
    served[fault]++;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    switch (fault) {
      case "timeout":
        // Never answered; the socket is destroyed when the client aborts or on close().
        return;
      case "server_error":
        return json(500, { error: { message: "internal error", type: "server_error" } });
      case "rate_limited":
        res.setHeader("retry-after", "0");
        return json(429, { error: { message: "rate limited", type: "rate_limit_exceeded" } });
      case "garbage":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end("<html>502 Bad Gateway</html>\u0000\u00ff{{{");
      case "invalid_content":
        return json(200, {
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: String(req.headers["x-model"] ?? "fake"),
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              message: { role: "assistant", content: '{"commands": [{"type": "explode", "x": ' },
            },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        });
      case "reset":
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"id": "chatcmpl-');
        req.socket.destroy();
        return;
    }
  };

  const server = createServer((req, res) => {
    // Read the whole body first, as a real endpoint would, then misbehave.
    req.resume();
    req.on("end", () => answer(req, res));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    served,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
