// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job, Plan, ProfileSummary } from "../../lib/ipc";
import { FixDialog } from "./FixDialog";
import type { OfferedFix } from "./model";

const calls = vi.hoisted(() => ({
  previewMove: vi.fn(),
  runMove: vi.fn(),
  applyProfileFix: vi.fn(),
}));
vi.mock("../../lib/ipc", async (original) => {
  const actual = await original<typeof import("../../lib/ipc")>();
  return { ...actual, ipc: { ...actual.ipc, ...calls } };
});

afterEach(cleanup);
beforeEach(() => {
  for (const f of Object.values(calls)) f.mockReset();
});

const profiles: ProfileSummary[] = [
  { id: "p1", name: "Support Line", enabled: true, hasWebhook: true },
  { id: "p2", name: "Old Alerts", enabled: false, hasWebhook: true },
];

function plan(willMove: number, warnings: Plan["warnings"] = []): Plan {
  return {
    target: { kind: "profile", id: "p1" },
    targetName: "Support Line",
    willMove: [],
    alreadyThere: [],
    cannot: [],
    warnings,
    counts: { willMove, alreadyThere: 0, cannot: 0 },
  };
}

function show(fix: OfferedFix, selection?: string[]) {
  const onDone = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <FixDialog fix={fix} selection={selection} profiles={profiles} onDone={onDone} onCancel={() => {}} />
    </QueryClientProvider>,
  );
  return { onDone, client, confirm: () => screen.getByTestId("fix-confirm") as HTMLButtonElement };
}

const assign: OfferedFix = {
  key: "assign:n1",
  action: {
    action: "assignProfile",
    phoneNumberId: "n1",
    phoneNumber: "+12125550104",
    suggestedProfileId: "p2",
  },
  consequence: "It will send through the chosen profile.",
  title: "No profile",
};

describe("FixDialog", () => {
  it("assigns through the preview: the suggested profile first, confirm only once something will move", async () => {
    calls.previewMove
      .mockResolvedValueOnce(plan(0))
      .mockResolvedValue(plan(1, [{ kind: "targetDisabled", count: 1, text: "Old Alerts is disabled." }]));
    calls.runMove.mockResolvedValue({ items: [{ state: "moved" }] } as unknown as Job);
    const { onDone, confirm } = show(assign);
    expect((screen.getByTestId("fix-profile-select") as HTMLSelectElement).value).toBe("p2");
    await waitFor(() =>
      expect(screen.getByTestId("fix-preview-counts").textContent).toContain("Will move: 0"),
    );
    expect(calls.previewMove).toHaveBeenLastCalledWith(["n1"], "p2");
    expect(confirm().disabled).toBe(true);
    fireEvent.change(screen.getByTestId("fix-profile-select"), { target: { value: "p1" } });
    await waitFor(() =>
      expect(screen.getByTestId("fix-preview-counts").textContent).toContain("Will move: 1"),
    );
    expect(screen.getByTestId("fix-preview-warnings").textContent).toContain("Old Alerts is disabled.");
    expect(calls.runMove).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(confirm()));
    expect(calls.runMove).toHaveBeenCalledWith(["n1"], "p1", expect.any(Function));
    expect(onDone).toHaveBeenCalledWith(expect.stringContaining("Support Line"));
  });

  it("previews and moves a whole group when given its numbers", async () => {
    calls.previewMove.mockResolvedValue(plan(3));
    calls.runMove.mockResolvedValue({
      items: [{ state: "moved" }, { state: "moved" }, { state: "failed", words: "no" }],
    } as unknown as Job);
    const { onDone, confirm } = show(assign, ["n1", "n2", "n3"]);
    expect(screen.getByRole("heading").textContent).toBe("Assign 3 numbers to a messaging profile");
    await waitFor(() => expect(confirm().disabled).toBe(false));
    expect(calls.previewMove).toHaveBeenLastCalledWith(["n1", "n2", "n3"], "p2");
    await act(async () => fireEvent.click(confirm()));
    expect(onDone).toHaveBeenCalledWith(
      "2 numbers are now on “Old Alerts”; 1 could not be moved (see Activity).",
    );
  });

  it("states the consequence and turns the profile on only when confirmed", async () => {
    calls.applyProfileFix.mockResolvedValue({ profileName: "Old Alerts", job: { id: "j1" } });
    const { onDone, confirm, client } = show({
      key: "enable:p2",
      action: { action: "enableProfile", profileId: "p2", profileName: "Old Alerts" },
      consequence: "Every number on “Old Alerts” can text again.",
      title: "Off",
    });
    expect(screen.getByTestId("fix-consequence").textContent).toBe(
      "Every number on “Old Alerts” can text again.",
    );
    expect(calls.applyProfileFix).not.toHaveBeenCalled();
    client.setQueryData(["jobs", "demo"], []);
    await act(async () => fireEvent.click(confirm()));
    expect(calls.applyProfileFix).toHaveBeenCalledWith({ kind: "enable", profileId: "p2" });
    expect(onDone).toHaveBeenCalledWith(
      "“Old Alerts” is turned on. The change is in Activity, where you can undo it.",
    );
    // Activity (already loaded) reads the journal again: the fix is a change of its own.
    expect(client.getQueryState(["jobs", "demo"])?.isInvalidated).toBe(true);
    expect(calls.previewMove).not.toHaveBeenCalled();
  });

  it("keeps the dialog open with the reason when the backend refuses a webhook address", async () => {
    const { CommandError } = await import("../../lib/ipc");
    calls.applyProfileFix.mockRejectedValue(
      new CommandError({ kind: "validation", message: "The webhook address must start with https://." }),
    );
    const { onDone, confirm } = show({
      key: "webhook:p1",
      action: { action: "setWebhookUrl", profileId: "p1", profileName: "Support Line", currentUrl: null },
      consequence: "c",
      title: "t",
    });
    expect(confirm().disabled).toBe(true);
    fireEvent.change(screen.getByTestId("fix-url"), { target: { value: "http://x.example" } });
    await act(async () => fireEvent.click(confirm()));
    expect(calls.applyProfileFix).toHaveBeenCalledWith({
      kind: "setWebhookUrl",
      profileId: "p1",
      url: "http://x.example",
    });
    expect(screen.getByTestId("error-notice").textContent).toContain("must start with https://");
    expect(onDone).not.toHaveBeenCalled();
    expect(confirm().disabled).toBe(false);
  });
});
