import { describe, expect, it } from "vitest";
import { describeError } from "./errors";
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

  it("keeps Telnyx's own words for a rejection", () => {
    const view = describeError(
      new CommandError({
        kind: "telnyxRejected",
        message: "Telnyx refused the request (error 10015): Bad Request",
        status: 422,
        code: "10015",
        detail: "Bad Request",
      }),
    );
    expect(view.message).toContain("10015");
    expect(view.canRetry).toBe(false);
  });

  it("handles errors that did not come from the backend", () => {
    expect(describeError(new Error("boom")).message).toBe("boom");
    expect(describeError("text").message).toBe("text");
  });
});
