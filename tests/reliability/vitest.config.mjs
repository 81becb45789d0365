// Vitest for the reliability report's search cases (run from the repository root by `bash .ci/dev
// reliability`); the UI's own tests keep ui/vite.config.ts.
export default {
  test: { environment: "node", globals: true, include: ["tests/reliability/*.test.ts"] },
};
