import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainToMermaid } from "../../src/cli/actions/graph.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { flowToMermaid } from "../../src/config/mermaid.ts";
import { PROJECT_ROOT, runSoni } from "../helpers/cli.ts";

const root = PROJECT_ROOT;

const soni = (...args: string[]) => runSoni(args);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-cli-graph-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("domainToMermaid", () => {
  it("puts every flow in its own subgraph of one flowchart", async () => {
    const loaded = await loadDomain(path.join(root, "examples/banking"));
    const diagram = domainToMermaid(loaded);
    const lines = diagram.split("\n");
    expect(lines[0]).toBe("flowchart TD");
    expect(lines.filter((l) => l === "flowchart TD")).toHaveLength(1);
    const subgraphs = lines.filter((l) => l.trimStart().startsWith("subgraph "));
    expect(subgraphs.map((l) => l.trim())).toEqual(
      [...loaded.graphs.keys()].map((flow) => `subgraph flow_${flow} ["${flow}"]`),
    );
    // Each subgraph is closed, and holds that flow's diagram unchanged.
    expect(lines.filter((l) => l === "  end")).toHaveLength(loaded.graphs.size);
    for (const graph of loaded.graphs.values()) {
      for (const line of flowToMermaid(graph).split("\n").slice(1)) {
        expect(lines).toContain(`  ${line}`);
      }
    }
  });

  it("draws one flow alone, and names the flows when asked for an unknown one", async () => {
    const loaded = await loadDomain(path.join(root, "examples/banking"));
    expect(domainToMermaid(loaded, "block_card")).toBe(
      flowToMermaid(loaded.graphs.get("block_card")!),
    );
    expect(() => domainToMermaid(loaded, "block_crad")).toThrow(
      /unknown flow 'block_crad' — did you mean 'block_card'\? Flows in this domain: greet, check_balance/,
    );
  });
});

describe("soni graph", () => {
  it("prints the domain's flows as Mermaid", async () => {
    const result = await soni("graph", "test/fixtures/domains/minimal");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "flowchart TD",
        '  subgraph flow_check_balance ["check_balance"]',
        "    %% flow: check_balance",
        "    check_balance__start((check_balance)) --> check_balance__ask_account",
        '    check_balance__ask_account[/"ask_account: collect account_type"/]',
        "    check_balance__ask_account --> check_balance__fetch",
        '    check_balance__fetch["fetch: action get_balance"]',
        "    check_balance__fetch --> check_balance__tell",
        '    check_balance__tell["tell: say"]',
        "    check_balance__tell --> check_balance__end",
        "    check_balance__end((end))",
        "  end",
        "",
      ].join("\n"),
    );
  });

  it("--flow prints one flow; an unknown one exits 1 with a hint", async () => {
    const one = await soni("graph", "examples/banking", "--flow", "pay_bill");
    expect(one.code).toBe(0);
    expect(one.stdout.split("\n").slice(0, 2)).toEqual(["flowchart TD", "  %% flow: pay_bill"]);
    expect(one.stdout).not.toContain("subgraph");
    const unknown = await soni("graph", "examples/banking", "--flow", "pay_bil");
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain("unknown flow 'pay_bil' — did you mean 'pay_bill'?");
  });

  it("--out writes the file; a .md file gets a mermaid fence", async () => {
    const mmd = path.join(tmp, "flows.mmd");
    const md = path.join(tmp, "flows.md");
    expect((await soni("graph", "examples/banking", "-f", "greet", "--out", mmd)).code).toBe(0);
    const written = await soni("graph", "examples/banking", "-f", "greet", "-o", md);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).toContain("wrote ");
    const plain = await readFile(mmd, "utf8");
    expect(plain.startsWith("flowchart TD\n  %% flow: greet\n")).toBe(true);
    expect(await readFile(md, "utf8")).toBe(`\`\`\`mermaid\n${plain}\`\`\`\n`);
  });

  it("exits 1 with file:line problems for an invalid domain, and for an unwritable --out", async () => {
    const invalid = await soni("graph", "test/fixtures/domains/three-mistakes");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("test/fixtures/domains/three-mistakes/01-slots.yaml:4:5");
    const unwritable = await soni(
      "graph",
      "examples/banking",
      "--out",
      path.join(tmp, "missing-dir", "x.mmd"),
    );
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write .*x\.mmd/);
  });
});
