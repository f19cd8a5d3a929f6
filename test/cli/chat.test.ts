import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function chat(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/soni.js"), "chat", ...args], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("soni chat (piped)", () => {
  it("completes a transfer offline and prints the transaction id, then exits 0", async () => {
    const { code, stdout } = await chat(
      ["--config", "examples/banking"],
      [
        "I want to make a transfer",
        "Maria",
        "ES91 2100 0418 4502 0005 1332",
        "250 euros",
        "rent",
        "checking",
        "yes",
        "",
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(stdout).toContain("Who would you like to send the money to?");
    expect(stdout).toMatch(/Transaction id: TX-\d{4}-\d{6,}\./);
    expect(stdout).not.toContain("you>");
  });

  it("--debug shows commands, flow stack and slots; /state prints the snapshot", async () => {
    const { code, stdout } = await chat(
      ["--config", "examples/banking", "--debug", "--user", "tester"],
      "what is my balance\n/state\n",
    );
    expect(code).toBe(0);
    expect(stdout).toContain('[debug] commands: {"type":"start_flow","flow":"check_balance"}');
    expect(stdout).toContain(
      "[debug] flow stack: check_balance@ask_account; waiting for: account_type",
    );
    expect(stdout).toContain('"user_id": "tester"');
  });

  it("exits 1 with the problem when the domain does not exist", async () => {
    const { code, stderr } = await chat(["--config", "no/such/domain"], "");
    expect(code).toBe(1);
    expect(stderr).toContain("no such file or directory");
  });

  it("--stub-handlers runs a domain whose handlers are not written yet", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "soni-stub-"));
    await writeFile(
      path.join(folder, "bot.yaml"),
      `flows:
  water:
    description: "Water the greenhouse"
    trigger: { intents: ["water the plants"] }
    steps:
      - { step: which, type: collect, slot: bed, message: "Which bed?" }
      - { step: go, type: action, call: open_valve }
      - { step: done, type: say, message: "Watering {bed}." }
slots:
  bed: { type: string, validator: bed_name }
`,
    );
    const without = await chat(["--config", folder], "water the plants\n");
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("no handler module exports actions.open_valve");
    const { code, stdout, stderr } = await chat(
      ["--config", folder, "--stub-handlers"],
      "water the plants\nthe tomato bed\n",
    );
    expect(code).toBe(0);
    expect(stderr).toContain(
      "stubbed 2 handlers no module exports (actions return nothing, validators accept every value): actions.open_valve, validators.bed_name",
    );
    expect(stdout).toContain("Which bed?\nWatering tomato bed.");
    await rm(folder, { recursive: true, force: true });
  });
});

describe("soni chat --clock", () => {
  it("runs the conversation on the day given: relative dates and handlers read it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "soni-chat-clock-"));
    try {
      const domain = path.join(dir, "bakery.yaml");
      const handlers = path.join(dir, "bakery.mjs");
      await writeFile(
        domain,
        [
          "settings: { handlers: ./bakery.mjs }",
          "slots:",
          "  pickup_day: { type: date, prompt: 'Which day will you collect the cake?' }",
          "  today_is: { type: string, internal: true }",
          "actions:",
          "  which_day: { outputs: [today_is] }",
          "flows:",
          "  order_cake:",
          "    description: Order a birthday cake",
          "    trigger: { intents: ['order a birthday cake'] }",
          "    steps:",
          "      - { step: d, type: collect, slot: pickup_day }",
          "      - { step: w, type: action, action: which_day }",
          "      - { step: s, type: say, message: 'Collect on {pickup_day}; ordered on {today_is}.' }",
        ].join("\n"),
      );
      await writeFile(
        handlers,
        "export const actions = { which_day: (_inputs, ctx) => ({ today_is: ctx.now.toISOString().slice(0, 10) }) };\n",
      );
      const { code, stdout } = await chat(
        ["--config", domain, "--clock", "2031-07-09"],
        "order a birthday cake\ntomorrow\n",
      );
      expect(code).toBe(0);
      expect(stdout).toContain("Collect on 2031-07-10; ordered on 2031-07-09.");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a day that does not exist, exit 2", async () => {
    const { code, stderr } = await chat(
      ["--config", "examples/banking", "--clock", "2031-02-30"],
      "",
    );
    expect(code).toBe(2);
    expect(stderr).toContain("--clock");
  });
});
