import { describe, expect, it } from "vitest";
import { changeFailureText, describeError } from "./errors";
import { CommandError } from "./ipc";

describe("describeError", () => {
  it("names an unreachable Telnyx plainly and offers a retry", () => {
    const view = describeError(new CommandError({ kind: "network", message: "Cannot reach Telnyx. Check…" }));
    expect(view).toEqual({
      title: "Cannot reach Telnyx",
      message: "Cannot reach Telnyx. Check…",
      canRetry: true,
    });
  });

  it("does not offer a retry for a refused key", () => {
    const view = describeError(new CommandError({ kind: "invalidKey", message: "Telnyx did not accept…" }));
    expect(view.canRetry).toBe(false);
    expect(view.title).toBe("Telnyx did not accept the API key");
  });

  it("shows the backend's explanation of a rejection as it is", () => {
    const message =
      "Telnyx refused the request (error 10015: Bad Request). Telnyx found the request invalid. When a number's profile is changed, this usually means the profile does not exist on this account or cannot take this number.";
    const view = describeError(
      new CommandError({
        kind: "telnyxRejected",
        message,
        status: 422,
        code: "10015",
        detail: "Bad Request",
      }),
    );
    expect(view.message).toBe(message);
    expect(view.title).toBe("Telnyx said no");
    expect(view.canRetry).toBe(false);
  });

  it("handles errors that did not come from the backend", () => {
    expect(describeError(new Error("boom")).message).toBe("boom");
    expect(describeError("text").message).toBe("text");
  });
});

describe("changeFailureText", () => {
  it("says the number was not changed when Telnyx said no", () => {
    const error = new CommandError({
      kind: "telnyxRejected",
      message: "Telnyx refused the request (error 40323).",
      status: 400,
      code: "40323",
      detail: null,
    });
    expect(changeFailureText("(212) 555-0100", error)).toBe(
      "(212) 555-0100 was not changed. Telnyx refused the request (error 40323).",
    );
  });

  it("does not claim nothing changed when the answer was lost or unreadable", () => {
    const cutOff =
      "Telnyx's answer to the change arrived cut off, so Number Desk cannot tell whether Telnyx made it. Check the number again before changing it once more.";
    for (const kind of ["internal", "network"] as const) {
      const text = changeFailureText("(212) 555-0100", new CommandError({ kind, message: cutOff }));
      expect(text).not.toMatch(/was not changed/);
      expect(text).toBe(`(212) 555-0100 may or may not have been changed. ${cutOff}`);
    }
  });
});
