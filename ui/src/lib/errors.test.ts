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
