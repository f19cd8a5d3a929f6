import { Validator } from "@seriousme/openapi-schema-validator";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp, type SoniApp } from "../../src/server/app.ts";
import { DOCS_PREFIX } from "../../src/server/openapi.ts";
import { conversationSnapshotSchema } from "../../src/server/routes/conversation.ts";
import { messageAnswerSchema } from "../../src/server/routes/message.ts";
import { captureLog, FakeRuntime, minimalDomain } from "./helpers/fake-runtime.ts";

const open: SoniApp[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((soni) => soni.app.close()));
});

interface RegisteredRoute {
  method: string;
  url: string;
}

/** A configured app, and every route Fastify registers on it (seen by an onRoute hook). */
async function appWithRoutes(settings = "") {
  const domain = await minimalDomain(
    settings
      ? `settings:\n  server:\n${settings}\nflows:\n  greet:\n    steps:\n      - step: hi\n        type: say\n        message: hi\n`
      : undefined,
  );
  const soni = buildApp({
    logger: captureLog().logger,
    createRuntime: () => new FakeRuntime(),
    domain,
    configBaseDir: process.cwd(),
    access: {},
  });
  open.push(soni);
  const routes: RegisteredRoute[] = [];
  // Added before ready(): the route plugins load then and inherit the hook.
  soni.app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  await soni.install(domain);
  await soni.app.ready();
  return { soni, app: soni.app, routes };
}

type Operation = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const { app } = await appWithRoutes();
    const reply = await app.inject({ method: "GET", url: "/openapi.json" });
    expect(reply.statusCode).toBe(200);
    const document = reply.json() as Document;
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every registered route with a declared success answer", async () => {
    const { app, routes } = await appWithRoutes();
    const document = (await app.inject({ method: "GET", url: "/openapi.json" })).json() as Document;
    // The /docs page's own assets are the one exception; HEAD is implied by GET.
    const served = routes.filter(
      (route) => route.method !== "HEAD" && !route.url.startsWith(DOCS_PREFIX),
    );
    expect(served.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(["POST /message", "GET /state/:user_id", "GET /health"]),
    );
    const undocumented = served.filter((route) => {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      const success = Object.entries(operation?.responses ?? {}).find(([status]) =>
        status.startsWith("2"),
      );
      // A route without `schema.response` still shows up, but with no schema: that counts as
      // undocumented. See "Adding a route" in docs/http-api.md.
      const schemas = Object.values(success?.[1].content ?? {}).map((media) => media.schema);
      return schemas.length === 0 || schemas.some((schema) => schema === undefined);
    });
    expect(undocumented).toEqual([]);
  });

  it("documents the error shape and the auth schemes", async () => {
    const { app } = await appWithRoutes();
    const document = (await app.inject({ method: "GET", url: "/openapi.json" })).json() as Document;
    expect(document.components.schemas.Error).toMatchObject({
      type: "object",
      required: ["error"],
    });
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      "adminToken",
      "apiKey",
      "metricsToken",
    ]);
    const message = document.paths["/message"]!.post!;
    expect(message.security).toEqual([{ apiKey: [] }]);
    expect(JSON.stringify(message.responses?.["400"])).toContain("#/components/schemas/Error");
    expect(Object.keys(message.responses?.["200"]?.content ?? {}).sort()).toEqual([
      "application/json",
      "text/event-stream",
    ]);
    expect(document.paths["/health"]!.get!.security).toEqual([]);
    expect(document.paths["/config"]!.post!.security).toEqual([{ adminToken: [] }]);
    expect(document.paths["/state/{user_id}"]!.get).toBeDefined();
  });

  it("describes what the routes really answer", async () => {
    const { app } = await appWithRoutes();
    const turn = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ user_id: "doc-user", message: "hi" }),
    });
    expect(messageAnswerSchema.safeParse(turn.json()).success).toBe(true);
    const state = await app.inject({ method: "GET", url: "/state/doc-user" });
    expect(conversationSnapshotSchema.safeParse(state.json()).success).toBe(true);
  });
});

describe("route schemas", () => {
  it("refuses a plain JSON Schema where a zod schema is expected, naming the route", async () => {
    const domain = await minimalDomain();
    const soni = buildApp({
      logger: captureLog().logger,
      createRuntime: () => new FakeRuntime(),
      domain,
      configBaseDir: process.cwd(),
      access: {},
    });
    open.push(soni);
    soni.app.post(
      "/legacy",
      { schema: { body: { type: "object", properties: { a: { type: "string" } } } } },
      async () => ({}),
    );
    await expect(soni.app.ready()).rejects.toThrow(
      /POST \/legacy: schema\.body must be a zod schema/,
    );
  });
});

describe("GET /docs", () => {
  it("serves the interactive page with its assets from this server, no CDN", async () => {
    const { app } = await appWithRoutes();
    const page = await app.inject({ method: "GET", url: `${DOCS_PREFIX}/` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => /^(https?:)?\/\//.test(source ?? ""))).toEqual([]);
    const bundle = await app.inject({
      method: "GET",
      url: `${DOCS_PREFIX}/static/swagger-ui-bundle.js`,
    });
    expect(bundle.statusCode).toBe(200);
    const initializer = await app.inject({
      method: "GET",
      url: `${DOCS_PREFIX}/static/swagger-initializer.js`,
    });
    expect(initializer.body).not.toContain("validator.swagger.io");
  });

  it("is public even when an API key is required", async () => {
    const domain = await minimalDomain();
    const soni = buildApp({
      logger: captureLog().logger,
      createRuntime: () => new FakeRuntime(),
      domain,
      configBaseDir: process.cwd(),
      access: { apiKey: "k-123" },
    });
    open.push(soni);
    expect((await soni.app.inject({ method: "GET", url: "/openapi.json" })).statusCode).toBe(200);
    expect((await soni.app.inject({ method: "GET", url: `${DOCS_PREFIX}/` })).statusCode).toBe(200);
    expect((await soni.app.inject({ method: "GET", url: "/state/u" })).statusCode).toBe(401);
  });

  it("is not served with settings.server.api_docs: false", async () => {
    const { app } = await appWithRoutes("    api_docs: false");
    expect((await app.inject({ method: "GET", url: "/openapi.json" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: `${DOCS_PREFIX}/` })).statusCode).toBe(404);
  });
});
