import { spawn } from "node:child_process";
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
});
