import { describe, expect, it } from "vitest";
import { CommandError } from "../../lib/ipc";
import { explainChangeError } from "./telnyxErrors";

describe("explainChangeError", () => {
  it("explains a known Telnyx code and adds Telnyx's detail", () => {
    const error = new CommandError({
      kind: "telnyxRejected",
      message: "x",
      status: 422,
      code: "10015",
      detail: "The messaging profile does not exist",
    });
    const text = explainChangeError(error);
    expect(text).toMatch(/error 10015/);
    expect(text).toMatch(/profile does not exist on this account/);
    expect(text).toMatch(/Telnyx said: “The messaging profile does not exist”/);
  });
  it("names an unknown code and falls back to the backend's sentence", () => {
    const unknown = new CommandError({
      kind: "telnyxRejected",
      message: "x",
      status: 400,
      code: "99",
      detail: null,
    });
    expect(explainChangeError(unknown)).toBe("Telnyx refused the change (error 99).");
    const offline = new CommandError({ kind: "network", message: "No answer from Telnyx." });
    expect(explainChangeError(offline)).toBe("No answer from Telnyx.");
  });
});
