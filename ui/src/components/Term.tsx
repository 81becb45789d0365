// A word of Telnyx messaging with its one-line explanation, shown on hover and on keyboard focus.
// The words and explanations are desk-core's glossary (`GLOSSARY` in the bindings), written once.
import { type ReactNode, useId, useState } from "react";
import { glossary, type Term as TermKey } from "../lib/ipc";
import "./Term.css";

const byKey = new Map(glossary.map((g) => [g.key, g]));

/** The explanation of a glossary term. */
export function explain(term: TermKey): string {
  return byKey.get(term)?.explanation ?? "";
}

/**
 * `children` (the term as the sentence writes it, e.g. "10DLC campaign") with a dotted underline;
 * hovering it or reaching it with Tab shows the explanation (the pointer can move onto it), which
 * screen readers hear as its description (`aria-describedby`). Escape hides it again.
 */
export function Term(props: { term: TermKey; children?: ReactNode }) {
  const id = useId();
  // Escape hides the explanation until the pointer or focus comes back (WCAG 1.4.13).
  const [dismissed, setDismissed] = useState(false);
  const entry = byKey.get(props.term);
  if (!entry) return <>{props.children}</>;
  return (
    <span className="term" data-dismissed={dismissed || undefined}>
      <button
        type="button"
        className="term-word"
        aria-describedby={id}
        data-testid={`term-${props.term}`}
        onMouseEnter={() => setDismissed(false)}
        onFocus={() => setDismissed(false)}
        onClick={() => setDismissed(false)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && !dismissed) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        {props.children ?? entry.word}
      </button>
      <span role="tooltip" id={id} className="term-tip" data-testid={`term-tip-${props.term}`}>
        <strong>{entry.word}: </strong>
        {entry.explanation}
      </span>
    </span>
  );
}
