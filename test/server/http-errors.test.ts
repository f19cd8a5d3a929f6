import { afterEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/persistence/errors.ts";
import { InvalidInputError } from "../../src/runtime/runtime-loop.ts";
import { buildApp, type SoniApp } from "../../src/server/app.ts";
import type { AccessSettings } from "../../src/server/auth.ts";
import { captureLog, FakeRuntime, minimalDomain } from "./helpers/fake-runtime.ts";

const open: SoniApp[] = [];

async function configuredApp(
  options: { access?: AccessSettings; runtime?: FakeRuntime; bodyLimit?: number } = {},
) {
  const runtime = options.runtime ?? new FakeRuntime();
  const domain = await minimalDomain(
    options.bodyLimit
      ? `settings:\n  server:\n    body_limit_bytes: ${options.bodyLimit}\nflows:\n  greet:\n    steps:\n      - step: hi\n        type: say\n        message: hi\n`
      : undefined,
  );
  const soni = buildApp({
    logger: captureLog().logger,
    createRuntime: () => runtime,
    domain,
    configBaseDir: process.cwd(),
    access: options.access ?? {},
  });
  open.push(soni);
  await soni.install(domain);
  return { soni, app: soni.app, runtime };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((soni) => soni.app.close()));
});

const message = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  url: "/message",
  headers: { "content-type": "application/json", ...headers },
  payload: typeof body === "string" ? body : JSON.stringify(body),
});

describe("POST /message", () => {
  it("answers a turn in snake_case", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject(message({ user_id: "u-1", message: "hi" }));
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({
      response: "fake: hi",
      messages: ["fake: hi"],
      flow_state: "idle",
      active_flow: null,
      turn_count: 1,
    });
    expect(reply.headers["x-request-id"]).toBeTruthy();
  });

  it("rejects unknown fields with 400 naming them", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject(message({ user_id: "u", message: "hi", admin: true }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe("invalid_request");
    expect(reply.json().error.message).toContain("'admin'");
  });

  it("rejects a wrong type with 400 naming the field", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject(message({ user_id: 42, message: "hi" }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toMatch(/^user_id: must be a string/);
  });

  it("names a missing field", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject(message({ user_id: "u" }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toBe("message: is required");
  });

  it.each([
    ["", "must not be empty"],
    ["a b", "contain only"],
    ["x".repeat(129), "at most 128"],
    ["../etc", "start with a letter or digit"],
  ])("validates user_id %j", async (userId, expected) => {
    const { app } = await configuredApp();
    const reply = await app.inject(message({ user_id: userId, message: "hi" }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toContain(expected);
  });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject(message('{"user_id": "u", '));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe("invalid_json");
  });

  it("answers a non-object body with 400", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject(message("[1,2]"));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toContain("must be a JSON object");
  });

  it("answers an unsupported content type with 415", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/xml" },
      payload: "<message/>",
    });
    expect(reply.statusCode).toBe(415);
    expect(reply.json().error.code).toBe("unsupported_media_type");
  });

  it("answers a body over the limit with 413", async () => {
    const { app, runtime } = await configuredApp({ bodyLimit: 1024 });
    const reply = await app.inject(message({ user_id: "u", message: "x".repeat(2000) }));
    expect(reply.statusCode).toBe(413);
    expect(reply.json().error.code).toBe("payload_too_large");
    expect(runtime.turns.size).toBe(0);
  });

  it("maps an unavailable store to 503 with Retry-After", async () => {
    const runtime = new FakeRuntime();
    runtime.failWith = new StoreUnavailableError("postgres", "db:5432", {
      cause: new Error("ECONNREFUSED"),
    });
    const { app } = await configuredApp({ runtime });
    const reply = await app.inject(message({ user_id: "u", message: "hi" }));
    expect(reply.statusCode).toBe(503);
    expect(reply.headers["retry-after"]).toBe("5");
    expect(reply.json().error.code).toBe("store_unavailable");
  });

  it("maps the runtime's InvalidInputError to 400", async () => {
    const runtime = new FakeRuntime();
    runtime.failWith = new InvalidInputError("message", "message is too long");
    const { app } = await configuredApp({ runtime });
    const reply = await app.inject(message({ user_id: "u", message: "hi" }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toBe("message is too long");
  });

  it("answers 500 only for a bug, without leaking its message", async () => {
    const runtime = new FakeRuntime();
    runtime.failWith = new TypeError("cannot read properties of undefined (secret)");
    const { app } = await configuredApp({ runtime });
    const reply = await app.inject(message({ user_id: "u", message: "hi" }));
    expect(reply.statusCode).toBe(500);
    expect(reply.json().error.code).toBe("internal_error");
    expect(reply.json().error.message).not.toContain("secret");
  });
});

describe("routes", () => {
  it("answers an unknown route with a JSON 404", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({ method: "GET", url: "/nope" });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe("not_found");
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({ method: "GET", url: "/message" });
    expect(reply.statusCode).toBe(405);
    expect(reply.headers.allow).toBe("POST");
    // DELETE /state/:user_id exists (the original Soni's reset); PUT does not.
    const state = await app.inject({ method: "PUT", url: "/state/u1" });
    expect(state.statusCode).toBe(405);
  });

  it("serves state, reset and version", async () => {
    const { app } = await configuredApp();
    await app.inject(message({ user_id: "u7", message: "hi" }));
    const state = await app.inject({ method: "GET", url: "/state/u7" });
    expect(state.json()).toMatchObject({ user_id: "u7", turn_count: 1, flow_state: "idle" });
    const reset = await app.inject({ method: "POST", url: "/reset/u7" });
    expect(reset.json()).toMatchObject({ success: true });
    expect((await app.inject({ method: "GET", url: "/state/u7" })).json().turn_count).toBe(0);
    const version = (await app.inject({ method: "GET", url: "/version" })).json();
    expect(version.version).toBe(`${version.major}.${version.minor}.${version.patch}`);
  });

  it("answers a malformed URL in the API's error format", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({ method: "GET", url: "/state/%ZZ" });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toContain("not a valid url");
  });

  it("ignores a body sent to POST /reset, even an empty JSON one", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({
      method: "POST",
      url: "/reset/u1",
      headers: { "content-type": "application/json" },
    });
    expect(reply.statusCode).toBe(200);
  });

  it("validates the user_id in the path", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({ method: "GET", url: "/state/a%20b" });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.message).toContain("user_id");
  });

  it("reports healthy with the version once initialized", async () => {
    const { app } = await configuredApp();
    const reply = await app.inject({ method: "GET", url: "/health" });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: "healthy", initialized: true });
  });
});

describe("access", () => {
  const access = { apiKey: "k-123", production: false };

  it("requires the API key on every route but the probes and /version", async () => {
    const { app } = await configuredApp({ access });
    const denied = await app.inject(message({ user_id: "u", message: "hi" }));
    expect(denied.statusCode).toBe(401);
    expect(denied.headers["www-authenticate"]).toContain("Bearer");
    const wrong = await app.inject(
      message({ user_id: "u", message: "hi" }, { authorization: "Bearer k-124" }),
    );
    expect(wrong.statusCode).toBe(401);
    const allowed = await app.inject(
      message({ user_id: "u", message: "hi" }, { authorization: "Bearer k-123" }),
    );
    expect(allowed.statusCode).toBe(200);
    for (const url of ["/health", "/health/live", "/version"]) {
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(200);
    }
    expect((await app.inject({ method: "GET", url: "/state/u" })).statusCode).toBe(401);
  });

  it("refuses POST /config without an admin token, also in development and with the API key", async () => {
    const { app } = await configuredApp({ access: { apiKey: "k" } });
    const reply = await app.inject({
      method: "POST",
      url: "/config",
      headers: { "content-type": "text/yaml", authorization: "Bearer k" },
      payload: "flows: {}",
    });
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe("admin_disabled");
    expect(reply.json().error.message).toContain("SONI_ADMIN_TOKEN");
  });

  it("requires the admin token for POST /config when one is set", async () => {
    const { app } = await configuredApp({
      access: { adminToken: "adm", apiKey: "k" },
    });
    const request = (token: string) =>
      app.inject({
        method: "POST",
        url: "/config",
        headers: { "content-type": "text/yaml", authorization: `Bearer ${token}` },
        payload: "flows: [",
      });
    expect((await request("k")).statusCode).toBe(401);
    // Past authentication, the (broken) domain is what is refused.
    expect((await request("adm")).statusCode).toBe(400);
  });
});
