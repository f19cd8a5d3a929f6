import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { captureLog, FakeRuntime, minimalDomain } from "./helpers/fake-runtime.ts";

async function appLoggingAt(level: "info" | "debug") {
  const log = captureLog();
  log.logger.level = level;
  const domain = await minimalDomain();
  const soni = buildApp({
    logger: log.logger,
    createRuntime: () => new FakeRuntime(),
    domain,
    configBaseDir: process.cwd(),
    access: {},
  });
  await soni.install(domain);
  return { app: soni.app, log };
}

const perRequest = (lines: Record<string, unknown>[]) =>
  lines.filter((l) => l.msg === "incoming request" || l.msg === "request completed");

describe("per-request log lines", () => {
  it("writes one info line per request, with method, URL, status, time and request id", async () => {
    const { app, log } = await appLoggingAt("info");
    const answer = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "x-request-id": "req-42" },
      payload: { user_id: "u1", message: "hello" },
    });
    expect(answer.statusCode).toBe(200);
    const lines = perRequest(log.lines);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "request completed",
      request_id: "req-42",
      req: { method: "POST", url: "/message" },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]!.responseTime).toBe("number");
    await app.close();
  });

  it("adds the incoming request line at debug level", async () => {
    const { app, log } = await appLoggingAt("debug");
    await app.inject({ method: "GET", url: "/version" });
    expect(perRequest(log.lines).map((l) => [l.level, l.msg])).toEqual([
      [20, "incoming request"],
      [30, "request completed"],
    ]);
    await app.close();
  });
});
