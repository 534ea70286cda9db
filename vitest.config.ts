import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // the end-to-end tests spawn the CLI; keep the machine's 2 cores for them
    pool: "forks",
  },
});
