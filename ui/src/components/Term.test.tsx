// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { glossary } from "../lib/ipc";
import { explain, Term } from "./Term";

afterEach(cleanup);

describe("Term", () => {
  it("has one explanation for each of the five terms, from desk-core's glossary", () => {
    expect(glossary.map((g) => g.key)).toEqual([
      "tenDlc",
      "tollFreeVerification",
      "messagingProfile",
      "webhook",
      "e164",
    ]);
    for (const g of glossary) expect(explain(g.key)).toMatch(/\.$/);
  });
  it("is reachable with the keyboard and described by its explanation", () => {
    render(
      <p>
        Needs a <Term term="tenDlc">10DLC campaign</Term>.
      </p>,
    );
    const word = screen.getByTestId("term-tenDlc");
    expect(word.tagName).toBe("BUTTON");
    expect(word.textContent).toBe("10DLC campaign");
    const tip = document.getElementById(word.getAttribute("aria-describedby") ?? "");
    expect(tip?.getAttribute("role")).toBe("tooltip");
    expect(tip?.textContent).toContain(explain("tenDlc"));
    word.focus();
    expect(document.activeElement).toBe(word);
  });
  it("hides on Escape and comes back on the next hover or focus", () => {
    render(<Term term="webhook" />);
    const word = screen.getByTestId("term-webhook");
    const wrapper = word.parentElement;
    expect(word.textContent).toBe("Webhook");
    fireEvent.focus(word);
    fireEvent.keyDown(word, { key: "Escape" });
    expect(wrapper?.dataset.dismissed).toBe("true");
    fireEvent.mouseEnter(word);
    expect(wrapper?.dataset.dismissed).toBeUndefined();
  });
});
