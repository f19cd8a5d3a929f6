/**
 * The package round trip a new user makes: `npm pack`, install the tarball into an empty
 * `npm init -y` project (the registry, through the local npm cache, serves only soni's own
 * dependencies), `soni init`, and everything the scaffold promises, then handler modules in
 * folders with no package.json and with "type": "commonjs", and the API from a plain .mjs file.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/cli.ts";
import { freePort } from "../helpers/services.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { postMessage, SpawnedServer } from "../server/helpers/spawned-server.ts";

const exec = promisify(execFile);
const temp = useTempDir("soni-package-");
const SETUP_TIMEOUT_MS = 240_000;
const COMMAND_TIMEOUT_MS = 60_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; never throws on a non-zero exit. */
async function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd,
      env: { ...process.env, SONI_CONFIG_PATH: "", SONI_HANDLERS: "", ...env },
      timeout: SETUP_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function ok(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

const version = async (dir: string) =>
  (JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as { version: string })
    .version;

let consumer = "";
let soniBin = "";
let tarballFiles: string[] = [];

beforeAll(async () => {
  const root = temp.root();
  // prepack builds dist/ first.
  const packed = await ok("npm", ["pack", "--pack-destination", root], PROJECT_ROOT);
  const tarball = path.join(root, packed.stdout.trim().split("\n").pop()!);
  tarballFiles = (await ok("tar", ["tzf", tarball], root)).stdout.trim().split("\n");

  consumer = path.join(root, "consumer");
  await mkdir(consumer);
  await ok("npm", ["init", "-y"], consumer);
  const manifest = JSON.parse(await readFile(path.join(consumer, "package.json"), "utf8"));
  // This npm runs a dependency's install script only when package.json approves it. esbuild's
  // checks its binary; better-sqlite3's would compile SQLite from source (minutes on a small
  // machine), so the test reuses the checkout's build of the same version instead (below).
  manifest.type = "commonjs";
  manifest.allowScripts = { esbuild: true, "better-sqlite3": false };
  await writeFile(path.join(consumer, "package.json"), JSON.stringify(manifest, null, 2));
  const typescript = await version(path.join(PROJECT_ROOT, "node_modules/typescript"));
  const nodeTypes = await version(path.join(PROJECT_ROOT, "node_modules/@types/node"));
  await ok(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      tarball,
      `typescript@${typescript}`,
      `@types/node@${nodeTypes}`,
    ],
    consumer,
  );
  const sqlite = path.join(consumer, "node_modules/better-sqlite3");
  const ours = path.join(PROJECT_ROOT, "node_modules/better-sqlite3");
  const [installed, built] = [await version(sqlite), await version(ours)];
  if (installed !== built) {
    throw new Error(
      `the tarball installed better-sqlite3 ${installed}, the checkout has ${built}: run npm install in the checkout`,
    );
  }
  await cp(path.join(ours, "build"), path.join(sqlite, "build"), { recursive: true });
  soniBin = path.join(consumer, "node_modules/soni/bin/soni.js");
}, SETUP_TIMEOUT_MS);

describe("npm pack", () => {
  it("ships the compiled package and no tests, benchmarks, fixtures or sources", () => {
    expect(tarballFiles).toContain("package/dist/index.js");
    expect(tarballFiles).toContain("package/dist/index.d.ts");
    expect(tarballFiles).toContain("package/bin/soni.js");
    const unwanted = tarballFiles.filter((file) =>
      /^package\/(src|test|bench|examples|scripts)\/|\/fixtures\/|\.test\.|\.ts$/.test(
        file.replace(/\.d\.ts$/, ".d"),
      ),
    );
    expect(unwanted).toEqual([]);
  });
});

describe("a project made by soni init", () => {
  let bot = "";
  beforeAll(async () => {
    await ok("npx", ["--no", "soni", "init", "mybot"], consumer);
    bot = path.join(consumer, "mybot");
  }, COMMAND_TIMEOUT_MS);

  it("depends on the installed soni, is an ES module project, and init refuses to overwrite", async () => {
    const manifest = JSON.parse(await readFile(path.join(bot, "package.json"), "utf8"));
    expect(manifest.type).toBe("module");
    expect(manifest.dependencies.soni).toBe(`^${await version(PROJECT_ROOT)}`);
    expect((await readdir(path.join(bot, "tests"))).length).toBeGreaterThan(0);
    const again = await run("npx", ["--no", "soni", "init", "mybot"], consumer);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("nothing was written");
  });

  it("validates, passes its conversation tests and type-checks against the package's types", async () => {
    // npm run finds soni and tsc in the enclosing project's node_modules/.bin.
    const validate = await ok("npm", ["run", "--silent", "validate"], bot);
    expect(validate.stdout).toContain("soni.yaml: valid — 2 flows");
    const tests = await ok("npm", ["test", "--silent"], bot);
    expect(tests.stdout).toMatch(/\d+ passed, 0 failed/);
    await ok("npm", ["run", "--silent", "typecheck"], bot);
  }, 120_000);

  it("serves POST /message with soni server, and stops on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [soniBin, "server", "--port", String(port)], {
      cwd: bot,
      env: { ...process.env, SONI_CONFIG_PATH: "", SONI_HANDLERS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const server = new SpawnedServer(child, port, bot);
    try {
      await server.waitForLog("Runtime initialized and serving", COMMAND_TIMEOUT_MS);
      const reply = await postMessage(server.url, "ana", "I would like a latte");
      expect(reply.status).toBe(200);
      expect(reply.body.response).toContain("Which size");
      server.signal("SIGTERM");
      expect((await server.exited).code).toBe(0);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it(
    "imports the API from a plain .mjs file",
    async () => {
      await writeFile(
        path.join(consumer, "api.mjs"),
        `import { RuntimeLoop, loadDomain, defineHandlers, UserFacingError, isUserFacingError } from "soni";
const handlers = defineHandlers({
  actions: { place_order: () => { throw new UserFacingError("The machine is off."); } },
});
const runtime = new RuntimeLoop(await loadDomain("mybot/soni.yaml"), { handlers });
const replies = [];
for (const text of ["order a small tea", "yes"]) replies.push((await runtime.processMessage(text, "u1")).response);
await runtime.cleanup();
console.log(JSON.stringify({ replies, branded: isUserFacingError(new UserFacingError("x")) }));
`,
      );
      const { stdout } = await ok(process.execPath, ["api.mjs"], consumer);
      // The runtime's own log lines come first (pino, on stdout).
      const result = JSON.parse(stdout.split("\n").find((line) => line.startsWith('{"replies"'))!);
      expect(result.branded).toBe(true);
      expect(result.replies[1]).toContain("The machine is off.");
    },
    COMMAND_TIMEOUT_MS,
  );
});

describe("handler modules outside an ES module project", () => {
  const DOMAIN = `settings:
  handlers: handlers.ts
slots:
  echo: { type: string, internal: true }
actions:
  ping: { outputs: [echo] }
flows:
  status:
    description: Report the system status
    trigger: { intents: [system status] }
    steps:
      - { step: run, type: action, action: ping }
      - { step: tell, type: say, message: "pong {echo}" }
`;
  const HANDLERS_TS = `import { defineHandlers, UserFacingError } from "soni";
import { word } from "./word.ts";

export default defineHandlers({
  actions: {
    ping: () => {
      if (typeof UserFacingError !== "function") throw new Error("no UserFacingError");
      return { echo: word() };
    },
  },
});
`;
  const files = {
    "soni.yaml": DOMAIN,
    "handlers.ts": HANDLERS_TS,
    "word.ts": `export function word(): string {\n  return "from TypeScript";\n}\n`,
    "handlers.cjs.js": `module.exports = { actions: { ping: () => ({ echo: "from CommonJS" }) } };\n`,
    "handlers.mjs": `export const actions = { ping: () => ({ echo: "from an ES module" }) };\n`,
  };

  async function chat(dir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Run> {
    const child = spawn(process.execPath, [soniBin, "chat", ...args], {
      cwd: dir,
      env: { ...process.env, SONI_CONFIG_PATH: "", SONI_HANDLERS: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdin.end("system status\n");
    const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
    return { code, stdout, stderr };
  }

  it('loads .ts, .js and .mjs modules in a "type": "commonjs" folder', async () => {
    const dir = path.join(consumer, "cjs-bot");
    await mkdir(dir);
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
    await writeFile(path.join(dir, "package.json"), '{ "type": "commonjs" }\n');
    expect((await ok(process.execPath, [soniBin, "validate"], dir)).stdout).toContain("valid");
    expect((await chat(dir)).stdout).toContain("pong from TypeScript");
    const js = await ok(
      process.execPath,
      [soniBin, "validate", "--handlers", "handlers.cjs.js"],
      dir,
    );
    expect(js.stdout).toContain("valid");
    expect((await chat(dir, { SONI_HANDLERS: "handlers.mjs" })).stdout).toContain(
      "pong from an ES module",
    );
    // A custom store in TypeScript (persistence.module) loads the same way.
    await writeFile(
      path.join(dir, "store.ts"),
      `import { type Checkpointer, MemoryCheckpointer } from "soni";\nexport default (): Checkpointer => new MemoryCheckpointer();\n`,
    );
    await writeFile(
      path.join(dir, "stored.yaml"),
      DOMAIN.replace("settings:\n", "settings:\n  persistence: { module: store.ts }\n"),
    );
    const stored = await chat(dir, {}, ["--config", "stored.yaml", "--store", "domain"]);
    expect(stored.stderr).toBe("");
    expect(stored.stdout).toContain("pong from TypeScript");
  }, 150_000);

  it(
    "loads a .ts module in a folder with no package.json",
    async () => {
      const dir = path.join(temp.root(), "loose-bot");
      await mkdir(dir);
      for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
      // No package.json anywhere above; soni is found through node_modules, as after a copy.
      await symlink(path.join(consumer, "node_modules"), path.join(dir, "node_modules"));
      const result = await chat(dir);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("pong from TypeScript");
    },
    COMMAND_TIMEOUT_MS,
  );

  it(
    "reports a module that fails to load once, with its cause and stack",
    async () => {
      const dir = path.join(consumer, "broken-bot");
      await mkdir(dir);
      await writeFile(path.join(dir, "soni.yaml"), DOMAIN);
      await writeFile(
        path.join(dir, "handlers.ts"),
        `import { missing } from "./nowhere.ts";\nexport const actions = { ping: missing };\n`,
      );
      const result = await run(process.execPath, [soniBin, "validate"], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `cannot load handler module ${path.join(dir, "handlers.ts")}`,
      );
      expect(result.stderr).toContain("nowhere.ts");
      expect(result.stderr).toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain("no handler module exports");
      expect(result.stderr).toContain("1 handler problem");
    },
    COMMAND_TIMEOUT_MS,
  );
});
