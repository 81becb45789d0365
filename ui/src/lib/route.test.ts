import { describe, expect, it } from "vitest";
import { hashFor, hashQuery, parseScreen } from "./route";

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

describe("hash queries", () => {
  it("splits and joins the query", () => {
    expect(hashQuery("#/numbers?q=212&type=tollFree")).toBe("q=212&type=tollFree");
    expect(hashQuery("#/numbers")).toBe("");
    expect(hashFor("numbers", "q=1")).toBe("#/numbers?q=1");
    expect(hashFor("numbers", "")).toBe("#/numbers");
    expect(parseScreen(hashFor("numbers", "profile=x"))).toBe("numbers");
  });
});
