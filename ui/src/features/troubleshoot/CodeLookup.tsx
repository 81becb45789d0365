import { useId, useState } from "react";
import { type CodeExplanation, ipc } from "../../lib/ipc";

/** A Telnyx error code, typed or pasted in any form ("40305", "error 40305"), explained. */
export function CodeLookup() {
  const [text, setText] = useState("");
  const [result, setResult] = useState<CodeExplanation | null>(null);
  const inputId = useId();
  return (
    <div className="code-lookup">
      <form
        className="number-picker"
        onSubmit={async (e) => {
          e.preventDefault();
          if (text.trim()) setResult(await ipc.explainErrorCode(text));
        }}
      >
        <label htmlFor={inputId}>Look up a Telnyx error code (e.g. 40305, or paste the error).</label>
        <div className="number-picker-row">
          <input
            id={inputId}
            type="text"
            value={text}
            autoComplete="off"
            placeholder="40305"
            onChange={(e) => setText(e.target.value)}
            data-testid="code-input"
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={!text.trim()}
            data-testid="code-lookup"
          >
            Explain
          </button>
        </div>
      </form>
      {result ? (
        <div className="code-result" data-testid="code-result" data-known={result.known} aria-live="polite">
          <h3 data-testid="code-title">{result.title ? `${result.code}: ${result.title}` : result.code}</h3>
          <p data-testid="code-meaning">{result.meaning}</p>
          {result.cause ? (
            <p>
              <strong>Likely cause: </strong>
              {result.cause}
            </p>
          ) : null}
          {result.action ? (
            <p>
              <strong>What to do: </strong>
              {result.action}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
