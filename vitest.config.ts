import { defineConfig } from "vitest/config";

// "soni-source": `import ... from "soni"` (the examples' handlers) loads src/, like bin/soni.js.
const conditions = ["soni-source", "node", "import", "module", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Server and store tests spawn processes and share real services; two cores here.
    pool: "forks",
    maxWorkers: 2,
  },
});
