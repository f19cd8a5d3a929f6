import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `import ... from "soni"` (the examples' handlers) loads src/, as under bin/soni.js.
  resolve: {
    alias: [
      { find: /^soni$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Server and store tests spawn processes and share real services; two cores here.
    pool: "forks",
    maxWorkers: 2,
  },
});
