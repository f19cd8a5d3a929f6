import { runSuites } from "../lib/suite.ts";
import { fuzzDrill } from "./fuzz.ts";
import { llmFaultsDrill } from "./llm-faults.ts";
import { postgresOutageDrill } from "./postgres-outage.ts";
import { rollingRestartDrill } from "./rolling-restart.ts";
import { sigkillDrill } from "./sigkill.ts";
import { sigtermDrill } from "./sigterm.ts";

await runSuites("drill", [
  sigtermDrill,
  sigkillDrill,
  fuzzDrill,
  llmFaultsDrill,
  postgresOutageDrill,
  rollingRestartDrill,
]);
