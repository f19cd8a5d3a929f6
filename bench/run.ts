import { runSuites } from "./lib/suite.ts";
import { configPostSuite } from "./suites/config-post.ts";
import { httpSuite } from "./suites/http.ts";
import { inProcessSuite } from "./suites/in-process.ts";
import { memorySuite } from "./suites/memory.ts";
import { shutdownSuite } from "./suites/shutdown.ts";

await runSuites("bench", [inProcessSuite, httpSuite, memorySuite, shutdownSuite, configPostSuite]);
