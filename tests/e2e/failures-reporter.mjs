// A node:test reporter that writes one JSON line per failed test ({ file, name, nesting }), read by
// tests/e2e/suite.mjs to run a failed test once more.
export default async function* failures(source) {
  for await (const event of source) {
    if (event.type === "test:fail") {
      const { file, name, nesting } = event.data;
      yield `${JSON.stringify({ file, name, nesting })}\n`;
    }
  }
}
