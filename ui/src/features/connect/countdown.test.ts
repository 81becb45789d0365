import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./countdown";

describe("retryDelaySeconds", () => {
  it.each([
    [null, 5],
    [undefined, 5],
    [0, 1],
    [2.2, 3],
    [10, 10],
    [100000, 300],
  ])("%s → %s", (input, expected) => {
    expect(retryDelaySeconds(input)).toBe(expected);
  });
});
