import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export type Reply = (
  request: RecordedRequest,
  res: ServerResponse,
  req: IncomingMessage,
) => void | Promise<void>;

/** A chat-completions answer whose message content is `content`. */
export function completion(content: string, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 0,
      model: "test-model",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 321, completion_tokens: 12, total_tokens: 333 },
    }),
  );
}

export function error(status: number, message: string, res: ServerResponse): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, type: "test_error", code: null } }));
}

/**
 * A minimal OpenAI-compatible server on a free port: each request to /chat/completions is
 * recorded and answered by the next reply in the queue (the last one repeats).
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** Sockets the server saw closed by the client. */
  closedSockets = 0;
  private replies: Reply[] = [];
  private server: Server | undefined;

  reply(...replies: Reply[]): void {
    this.replies = replies;
  }

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request: RecordedRequest = {
        path: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
      };
      this.requests.push(request);
      const reply = this.replies.length > 1 ? this.replies.shift()! : this.replies[0];
      if (!reply) return error(500, "no reply configured", res);
      await reply(request, res, req);
    });
    this.server.on("connection", (socket) => {
      socket.on("close", () => {
        this.closedSockets++;
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
