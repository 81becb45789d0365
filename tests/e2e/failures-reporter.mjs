// A node:test reporter that writes one JSON line per failed top-level test ({ file, name }; a
// subtest's failure is also its top-level test's; a file that failed as a whole is named by its
// path), read by tests/e2e/suite.mjs to run a failed test once more.
export default async function* failures(source) {
  for await (const event of source) {
    if (event.type === "test:fail" && event.data.nesting === 0) {
      const { file, name } = event.data;
      yield `${JSON.stringify({ file, name })}\n`;
    }
  }
}
