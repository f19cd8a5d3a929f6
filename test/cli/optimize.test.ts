import { access, copyFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDomain } from "../../src/config/loader.ts";
import { PROJECT_ROOT, runSoni } from "../helpers/cli.ts";

const root = PROJECT_ROOT;
const fixtures = path.join(root, "test/fixtures/optimize");
const DATASET = path.join(fixtures, "dataset.yaml");

const soni = runSoni;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-cli-optimize-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function copyDomain(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(path.join(fixtures, "domain"), dir, { recursive: true });
  return dir;
}

describe("soni optimize", () => {
  it("prints accuracy before/after and the examples, and writes 90-du-examples.yaml into the domain", async () => {
    const dir = await copyDomain("dir");
    const result = await soni(["optimize", "--config", dir, "--dataset", DATASET]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/split \(seed 1\): 17 train \/ 7 validation/);
    const train = /train +17 +([\d.]+)% -> +([\d.]+)%/.exec(result.stdout);
    const validation = /validation +7 +([\d.]+)% -> +([\d.]+)%/.exec(result.stdout);
    expect(Number(train![2])).toBeGreaterThan(Number(train![1]));
    expect(Number(validation![2])).toBeGreaterThan(Number(validation![1]));
    expect(result.stdout).toContain('transfer_funds: "pay back {beneficiary_name}"');

    const file = path.join(dir, "90-du-examples.yaml");
    const written = await readFile(file, "utf8");
    expect(written).toContain("examples:");
    const loaded = await loadDomain(dir);
    expect(loaded.domain.examples.flows.transfer_funds).toContain("pay back {beneficiary_name}");
    expect((await soni(["validate", dir])).code).toBe(0);

    // The file is the optimizer's own: a second run re-derives it, byte for byte.
    const again = await soni(["optimize", "--config", dir, "--dataset", DATASET]);
    expect(again.code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(written);
  });

  it("writes nothing with --dry-run and honours --seed", async () => {
    const dir = await copyDomain("dry");
    const result = await soni(["optimize", "-c", dir, "-d", DATASET, "--dry-run", "--seed", "5"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("split (seed 5)");
    expect(result.stdout).toContain("dry run: nothing written");
    expect(await exists(path.join(dir, "90-du-examples.yaml"))).toBe(false);
  });

  it("puts <name>.examples.yaml beside a single-file domain, which the loader then merges", async () => {
    const file = path.join(tmp, "bank.yaml");
    await copyFile(path.join(fixtures, "domain/00-domain.yaml"), file);
    const result = await soni(["optimize", "--config", file, "--dataset", DATASET]);
    expect(result.code).toBe(0);
    const sidecar = path.join(tmp, "bank.examples.yaml");
    expect(result.stdout).toContain(`wrote ${sidecar}`);
    const loaded = await loadDomain(file);
    expect(loaded.files).toEqual([file, sidecar]);
    expect(Object.keys(loaded.domain.examples.flows).length).toBeGreaterThan(0);
  });

  it("says when --out is not a file the domain loads", async () => {
    const dir = await copyDomain("out");
    const out = path.join(tmp, "elsewhere.yaml");
    const result = await soni(["optimize", "-c", dir, "-d", DATASET, "--out", out]);
    expect(result.code).toBe(0);
    expect(await exists(out)).toBe(true);
    expect(result.stdout).toMatch(/note: .*elsewhere\.yaml is not part of the domain/);
  });

  it("rejects a bad dataset with file:line and writes nothing", async () => {
    const dir = await copyDomain("bad");
    const dataset = path.join(tmp, "bad-dataset.yaml");
    await writeFile(
      dataset,
      'cases:\n  - { text: "hi", intent: check_balance }\n  - { text: "lost it", intent: block_crad }\n',
    );
    const result = await soni(["optimize", "-c", dir, "-d", dataset], tmp);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^bad-dataset\.yaml:3:\d+ {2}case "lost it": intent 'block_crad' .*did you mean 'block_card'/m,
    );
    expect(result.stderr).toContain("bad-dataset.yaml: not a usable dataset");
    expect(await exists(path.join(dir, "90-du-examples.yaml"))).toBe(false);
  });

  it("rejects bad options with a message naming the option", async () => {
    const result = await soni(["optimize", "-d", DATASET, "--seed", "abc"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--seed must be an integer; got "abc"');
    const share = await soni(["optimize", "-d", DATASET, "--validation", "2"]);
    expect(share.stderr).toContain("--validation must be a share between 0 and 1");
  });
});
