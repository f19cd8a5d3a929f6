import Fastify from "fastify";

/**
 * The floor for the HTTP benchmark: Fastify doing nothing but JSON in, JSON out on the same
 * route and response shape as `soni server`, started as its own process like Soni's server.
 * Usage: tsx bench/servers/bare-echo.ts --host 127.0.0.1 --port N
 */

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const app = Fastify({ logger: false });

app.get("/health", async () => ({ status: "healthy" }));

app.post<{ Body: { user_id?: unknown; message?: unknown } }>("/message", async (request) => {
  const message = typeof request.body?.message === "string" ? request.body.message : "";
  return {
    response: message,
    messages: [message],
    flow_state: "idle",
    active_flow: null,
    turn_count: 0,
  };
});

const close = () => {
  void app.close().then(() => process.exit(0));
};
process.once("SIGTERM", close);
process.once("SIGINT", close);

await app.listen({ host: option("host", "127.0.0.1"), port: Number(option("port", "0")) });
