import { describe, expect, it } from "vitest";
import { parseScreen } from "./route";

describe("parseScreen", () => {
  it.each([
    ["", "numbers"],
    ["#/assign", "assign"],
    ["#/troubleshoot?number=1", "troubleshoot"],
    ["#settings", "settings"],
    ["#/nonsense", "numbers"],
  ])("%s → %s", (hash, screen) => {
    expect(parseScreen(hash)).toBe(screen);
  });
});
