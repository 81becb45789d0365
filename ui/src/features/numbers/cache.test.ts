import { describe, expect, it } from "vitest";
import type { ListRow, NumbersList } from "../../lib/ipc";
import { firstLook, replaceRow, withProfile } from "./cache";

const base = {
  display: "",
  typeLabel: "",
  numberType: "longCode",
  countryCode: null,
  countryName: "",
  profileId: null,
  profileName: null,
  sms: true,
  mms: false,
  health: null,
  tags: [],
  verdict: "noProfile",
  group: "actionNeeded",
  problems: ["noProfile"],
} satisfies Omit<ListRow, "id" | "phoneNumber">;

const list: NumbersList = {
  rows: [
    { ...base, id: "1", phoneNumber: "+1" },
    { ...base, id: "2", phoneNumber: "+2" },
  ],
  profiles: [{ id: "p", name: "Support", enabled: true, hasWebhook: true }],
  loadedAtMs: 0,
  complete: true,
  aboutTotal: null,
  unavailable: [],
  missing: null,
};

describe("replaceRow", () => {
  it("replaces one row and keeps the others as they were", () => {
    const next = replaceRow(list, "2", (r) => withProfile(r, "p", list.profiles));
    expect(next.rows[1]?.profileName).toBe("Support");
    expect(next.rows[0]).toBe(list.rows[0]);
    expect(list.rows[1]?.profileName).toBeNull();
  });
  it("leaves the list alone for an unknown id", () => {
    expect(replaceRow(list, "9", (r) => r)).toBe(list);
  });
});

describe("firstLook", () => {
  it("is the event's list without its kind", () => {
    const look = firstLook({ kind: "firstLook", ...list, complete: false });
    expect(look).toEqual({ ...list, complete: false });
    expect("kind" in look).toBe(false);
  });
});
