import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { haproxyConfig } from "../../bench/lib/haproxy.ts";
import { createTempDomain } from "../../bench/lib/temp-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { settingsSchema } from "../../src/config/schema.ts";

/*
 * docs/deployment.md ships a docker-compose topology (replicas + HAProxy + PostgreSQL), its
 * haproxy.cfg and the settings file that points the domain at the shared store. They are
 * checked against each other and against the HAProxy settings the rolling-restart drill runs.
 */

const doc = readFileSync(path.join(import.meta.dirname, "../../docs/deployment.md"), "utf8");

/** The fenced block whose first line is `# name`. */
function block(name: string): string {
  for (const match of doc.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const body = match[1]!;
    if (body.startsWith(`# ${name}\n`)) return body;
  }
  throw new Error(`docs/deployment.md has no code block starting with '# ${name}'`);
}

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: string[] | Record<string, { condition: string }>;
  stop_grace_period?: string;
  healthcheck?: { test: unknown };
}

const compose = parse(block("docker-compose.yml")) as { services: Record<string, Service> };
const haproxyCfg = block("haproxy.cfg")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const replicaSettings = parse(block("90-replicas.yaml")) as { settings: unknown };
const soniServices = Object.keys(compose.services).filter((name) => /^soni\d+$/.test(name));
const seconds = (text: string) => Number(/^(\d+)s$/.exec(text)?.[1] ?? Number.NaN);

const removals: (() => void)[] = [];
afterAll(() => {
  for (const remove of removals) remove();
});

describe("docs/deployment.md: replicas behind HAProxy", () => {
  it("runs three Soni replicas in production mode on the shared store, with a pre-drain delay", () => {
    expect(soniServices).toEqual(["soni1", "soni2", "soni3"]);
    for (const name of soniServices) {
      const service = compose.services[name]!;
      expect(service.build).toBe(".");
      const env = service.environment!;
      expect(env.NODE_ENV).toBe("production");
      expect(env.SONI_DATABASE_URL).toMatch(/^postgres:\/\/soni:.+@postgres:5432\/soni$/);
      const delayMs = Number(env.SONI_SHUTDOWN_DELAY_MS);
      expect(delayMs).toBeGreaterThanOrEqual(5000);
      // The orchestrator must not kill a draining replica: delay + shutdown + cleanup timeouts.
      expect(seconds(service.stop_grace_period!)).toBeGreaterThan(delayMs / 1000 + 30 + 10);
      expect(service.volumes).toContain("./90-replicas.yaml:/app/domain/90-replicas.yaml:ro");
      expect(service.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    }
  });

  it("puts HAProxy in front of exactly those replicas, on the port the image serves", () => {
    const haproxy = compose.services.haproxy!;
    expect(haproxy.image).toMatch(/^haproxy:\d/);
    expect(haproxy.volumes).toContain("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
    expect(haproxy.ports).toContain("8000:8000");
    expect(haproxy.depends_on).toEqual(soniServices);
    expect(doc).toMatch(/ENV NODE_ENV=production HOST=0\.0\.0\.0 PORT=8000/);
    expect(haproxyCfg).toContain("bind :8000");
    const servers = haproxyCfg.filter((line) => line.startsWith("server "));
    expect(servers).toEqual(soniServices.map((name) => `server ${name} ${name}:8000 check`));
    expect(compose.services.postgres?.image).toMatch(/^postgres:\d/);
    expect(compose.services.postgres?.healthcheck?.test).toBeDefined();
  });

  it("recommends the HAProxy settings the rolling-restart drill runs with", () => {
    const drill = haproxyConfig(8000, [1, 2, 3])
      .split("\n")
      .map((line) => line.trim());
    for (const directive of [
      "mode http",
      "option http-server-close",
      "option redispatch 1",
      "retries 3",
      "retry-on conn-failure empty-response 503",
      "option httpchk GET /health",
      "http-check expect status 200",
      "timeout check 1s",
    ]) {
      expect(haproxyCfg, directive).toContain(directive);
      expect(drill, directive).toContain(directive);
    }
    const drillServers = drill.find((line) => line.startsWith("default-server "))!;
    const docServers = haproxyCfg.find((line) => line.startsWith("default-server "))!;
    expect(docServers.startsWith(drillServers)).toBe(true);
  });

  it("switches the domain to the shared store with a settings file the loader merges", async () => {
    const settings = settingsSchema.parse(replicaSettings.settings);
    expect(settings.persistence).toMatchObject({
      backend: "postgres",
      url_env: "SONI_DATABASE_URL",
    });
    const domain = createTempDomain({});
    removals.push(domain.remove);
    writeFileSync(path.join(domain.dir, "90-replicas.yaml"), block("90-replicas.yaml"));
    const loaded = await loadDomain(domain.dir);
    expect(loaded.domain.settings.persistence).toMatchObject({
      backend: "postgres",
      url_env: "SONI_DATABASE_URL",
    });
    // The banking example's other settings survive the merge.
    expect(loaded.domain.settings.handlers).toBeDefined();
  });
});
