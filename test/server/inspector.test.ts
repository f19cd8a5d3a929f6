/** GET /inspector and its files: when they are served, who may read what. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flowToMermaid } from "../../src/config/mermaid.ts";
import { buildApp, type SoniApp } from "../../src/server/app.ts";
import type { AccessSettings } from "../../src/server/auth.ts";
import { captureLog, FakeRuntime, minimalDomain } from "./helpers/fake-runtime.ts";
import { useSpawnedServers } from "./helpers/spawned-server.ts";

const open: SoniApp[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((soni) => soni.app.close()));
});

async function app(
  options: {
    access?: AccessSettings;
    inspector?: boolean;
    settings?: string;
    production?: boolean;
  } = {},
) {
  const domain = await minimalDomain(
    options.settings === undefined
      ? undefined
      : `settings:\n  server:\n${options.settings}\nflows:\n  greet:\n    description: Say hello\n    steps:\n      - step: hi\n        type: say\n        message: hi\n`,
  );
  const soni = buildApp({
    logger: captureLog().logger,
    createRuntime: () => new FakeRuntime(),
    domain,
    configBaseDir: process.cwd(),
    access: options.access ?? {},
    inspector: options.inspector,
    ...(options.production ? { defaults: { shutdownDelayMs: 0, inspector: false } } : {}),
  });
  open.push(soni);
  await soni.install(domain);
  return { soni, domain };
}

describe("when the inspector is served", () => {
  it("is on by default outside production and off with NODE_ENV=production", async () => {
    const dev = await app();
    expect(dev.soni.inspector).toBe(true);
    expect((await dev.soni.app.inject("/inspector")).statusCode).toBe(200);

    const prod = await app({ production: true });
    expect(prod.soni.inspector).toBe(false);
    const reply = await prod.soni.app.inject("/inspector");
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe("not_found");
    expect((await prod.soni.app.inject("/inspector/graph")).statusCode).toBe(404);
  });

  it("follows settings.server.inspector, and the flag wins over both", async () => {
    const off = await app({ settings: "    inspector: false" });
    expect((await off.soni.app.inject("/inspector")).statusCode).toBe(404);
    const on = await app({ settings: "    inspector: true", production: true });
    expect((await on.soni.app.inject("/inspector")).statusCode).toBe(200);
    const flagOn = await app({ settings: "    inspector: false", inspector: true });
    expect((await flagOn.soni.app.inject("/inspector")).statusCode).toBe(200);
    const flagOff = await app({ inspector: false });
    expect((await flagOff.soni.app.inject("/inspector")).statusCode).toBe(404);
  });
});

describe("what the inspector serves", () => {
  it("serves the page with a policy allowing scripts from this server only", async () => {
    const { soni } = await app();
    const page = await soni.app.inject("/inspector");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.body).toContain('<script type="module" src="/inspector/inspector.js">');
    for (const [file, type] of [
      ["inspector.js", "text/javascript; charset=utf-8"],
      ["api.js", "text/javascript; charset=utf-8"],
      ["diagram.js", "text/javascript; charset=utf-8"],
      ["inspector.css", "text/css; charset=utf-8"],
    ]) {
      const reply = await soni.app.inject(`/inspector/${file}`);
      expect(reply.statusCode, file).toBe(200);
      expect(reply.headers["content-type"]).toBe(type);
    }
  });

  it("serves Mermaid from the installed package, not a CDN", async () => {
    const { soni } = await app();
    const reply = await soni.app.inject("/inspector/vendor/mermaid.min.js");
    expect(reply.statusCode).toBe(200);
    const installed = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
    expect(reply.body.length).toBe(readFileSync(installed, "utf8").length);
    const page = await soni.app.inject("/inspector");
    expect(page.body).not.toMatch(/https?:\/\//);
  });

  it("answers 404 for a file it does not have, whatever the path tries", async () => {
    const { soni } = await app();
    const slash = await soni.app.inject("/inspector/");
    expect([slash.statusCode, slash.headers.location]).toEqual([302, "/inspector"]);
    for (const file of ["nope.js", "..%2Fpackage.json", "routes.ts", "%2E%2E%2Froutes.ts"]) {
      const reply = await soni.app.inject(`/inspector/${file}`);
      expect(reply.statusCode, file).toBe(404);
      expect(reply.json().error.code).toBe("not_found");
    }
  });

  it("gives each flow's `soni graph` Mermaid text and its step node ids", async () => {
    const { soni, domain } = await app();
    const reply = await soni.app.inject("/inspector/graph");
    expect(reply.statusCode).toBe(200);
    const graph = domain.graphs.get("greet")!;
    expect(reply.json()).toEqual({
      flows: [
        {
          name: "greet",
          description: "Say hello",
          mermaid: flowToMermaid(graph),
          nodes: { hi: "greet__hi" },
        },
      ],
    });
  });

  it("keeps the page public but the domain's flows behind the API key", async () => {
    const { soni } = await app({ access: { apiKey: "k-1" } });
    expect((await soni.app.inject("/inspector")).statusCode).toBe(200);
    expect((await soni.app.inject("/inspector/inspector.js")).statusCode).toBe(200);
    expect((await soni.app.inject("/inspector/graph")).statusCode).toBe(401);
    const allowed = await soni.app.inject({
      url: "/inspector/graph",
      headers: { authorization: "Bearer k-1" },
    });
    expect(allowed.statusCode).toBe(200);
  });
});

describe("soni server --inspector / --no-inspector", () => {
  const start = useSpawnedServers();
  const MINIMAL = path.join(import.meta.dirname, "../fixtures/domains/minimal");

  it("serves and announces the inspector by default, and not with --no-inspector", async () => {
    const on = await start({ config: MINIMAL });
    expect((await fetch(`${on.url}/inspector`)).status).toBe(200);
    const announced = on.logs.find((line) => line.msg === "Inspector served at /inspector");
    expect(announced?.url).toBe(`http://127.0.0.1:${on.port}/inspector`);

    const off = await start({ config: MINIMAL, args: ["--no-inspector"] });
    expect((await fetch(`${off.url}/inspector`)).status).toBe(404);
    expect(off.messages()).not.toContain("Inspector served at /inspector");

    const forced = await start({
      config: MINIMAL,
      args: ["--inspector"],
      env: { NODE_ENV: "production" },
    });
    expect((await fetch(`${forced.url}/inspector`)).status).toBe(200);
  }, 120_000); // three server processes, started one after the other on a busy machine
});
