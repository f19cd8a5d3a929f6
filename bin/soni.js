#!/usr/bin/env node
// Runs the TypeScript sources directly: no build step, and handler modules written in
// TypeScript load the same way.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
