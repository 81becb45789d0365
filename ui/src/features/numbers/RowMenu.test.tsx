// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ListRow } from "../../lib/ipc";
import { menuKey, type RowAction, RowMenu } from "./RowMenu";

describe("menuKey", () => {
  it("moves with the arrows and wraps at both ends", () => {
    expect(menuKey("ArrowDown", 0, 3)).toEqual({ kind: "focus", index: 1 });
    expect(menuKey("ArrowDown", 2, 3)).toEqual({ kind: "focus", index: 0 });
    expect(menuKey("ArrowUp", 0, 3)).toEqual({ kind: "focus", index: 2 });
    expect(menuKey("ArrowUp", 2, 3)).toEqual({ kind: "focus", index: 1 });
  });

  it("jumps with Home and End", () => {
    expect(menuKey("Home", 2, 3)).toEqual({ kind: "focus", index: 0 });
    expect(menuKey("End", 0, 3)).toEqual({ kind: "focus", index: 2 });
  });

  it("activates with Enter and Space, closes with Escape (back to ⋯) and Tab", () => {
    expect(menuKey("Enter", 1, 3)).toEqual({ kind: "activate" });
    expect(menuKey(" ", 1, 3)).toEqual({ kind: "activate" });
    expect(menuKey("Escape", 1, 3)).toEqual({ kind: "close", refocusButton: true });
    expect(menuKey("Tab", 1, 3)).toEqual({ kind: "close", refocusButton: false });
  });

  it("leaves other keys alone and copes with focus outside the items", () => {
    expect(menuKey("a", 0, 3)).toBeNull();
    expect(menuKey("ArrowDown", -1, 2)).toEqual({ kind: "focus", index: 0 });
    expect(menuKey("ArrowUp", -1, 2)).toEqual({ kind: "focus", index: 1 });
  });
});

const row = {
  id: "n1",
  display: "+1 (212) 555-0100",
  phoneNumber: "+12125550100",
  profileId: "p1",
  profileName: "Support Line",
} as ListRow;

function Harness(props: { onAction: (action: RowAction) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <RowMenu
        row={row}
        open={open}
        onOpenChange={setOpen}
        onAction={(action) => {
          setOpen(false);
          props.onAction(action);
        }}
      />
      <button type="button">elsewhere</button>
    </div>
  );
}

function setup() {
  const onAction = vi.fn();
  render(<Harness onAction={onAction} />);
  const button = screen.getByTestId("row-menu");
  return { onAction, button };
}

const focusedTestId = () => document.activeElement?.getAttribute("data-testid");
const key = (k: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k });

describe("RowMenu", () => {
  afterEach(cleanup);

  it("opens on click with focus on the first item and arrows moving between items", () => {
    const { button } = setup();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("menu").id).toBe(button.getAttribute("aria-controls"));
    expect(focusedTestId()).toBe("menu-details");
    key("ArrowDown");
    expect(focusedTestId()).toBe("menu-assign");
    key("ArrowDown");
    expect(focusedTestId()).toBe("menu-unassign");
    key("ArrowDown");
    expect(focusedTestId()).toBe("menu-troubleshoot");
    key("ArrowDown");
    expect(focusedTestId()).toBe("menu-details");
    key("ArrowUp");
    expect(focusedTestId()).toBe("menu-troubleshoot");
    key("Home");
    expect(focusedTestId()).toBe("menu-details");
    key("End");
    expect(focusedTestId()).toBe("menu-troubleshoot");
  });

  it("only the item with focus is a tab stop", () => {
    const { button } = setup();
    fireEvent.click(button);
    for (const item of screen.getAllByRole("menuitem")) expect(item.tabIndex).toBe(-1);
  });

  it("Escape closes it and gives focus back to ⋯", () => {
    const { button, onAction } = setup();
    fireEvent.click(button);
    key("ArrowDown");
    key("Escape");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(onAction).not.toHaveBeenCalled();
  });

  it("Tab closes it", () => {
    const { button } = setup();
    fireEvent.click(button);
    key("Tab");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("Enter and Space activate the item with focus", () => {
    const { button, onAction } = setup();
    fireEvent.click(button);
    key("ArrowDown");
    key("Enter");
    expect(onAction).toHaveBeenLastCalledWith("assign");
    expect(screen.queryByRole("menu")).toBeNull();
    fireEvent.click(button);
    key("End");
    key("ArrowUp");
    key(" ");
    expect(onAction).toHaveBeenLastCalledWith("unassign");
  });

  it("ArrowDown and ArrowUp on ⋯ open it at the first and last item", () => {
    const { button } = setup();
    button.focus();
    key("ArrowDown");
    expect(focusedTestId()).toBe("menu-details");
    key("Escape");
    key("ArrowUp");
    expect(focusedTestId()).toBe("menu-troubleshoot");
  });

  it("a press outside closes it", () => {
    const { button } = setup();
    fireEvent.click(button);
    act(() => {
      fireEvent.pointerDown(screen.getByText("elsewhere"));
    });
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("a number without a profile has no Unassign item", () => {
    const onAction = vi.fn();
    render(
      <RowMenu row={{ ...row, profileId: null }} open={true} onOpenChange={() => {}} onAction={onAction} />,
    );
    expect(screen.getAllByRole("menuitem").map((i) => i.getAttribute("data-testid"))).toEqual([
      "menu-details",
      "menu-assign",
      "menu-troubleshoot",
    ]);
  });
});
