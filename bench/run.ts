import { runSuites } from "./lib/suite.ts";
import { configPostSuite } from "./suites/config-post.ts";
import { httpSuite } from "./suites/http.ts";
import { inProcessSuite } from "./suites/in-process.ts";
import { memorySuite } from "./suites/memory.ts";
import { shutdownSuite } from "./suites/shutdown.ts";

// `du-time` is a command of its own (bench/du-time.ts), not a suite: it compares checkouts.
if (process.argv[2] === "du-time") {
  const { runDuTime } = await import("./du-time.ts");
  try {
    await runDuTime(process.argv.slice(3));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  }
} else {
  await runSuites("bench", [
    inProcessSuite,
    httpSuite,
    memorySuite,
    shutdownSuite,
    configPostSuite,
  ]);
}
