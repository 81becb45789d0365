import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { describeError } from "../../lib/errors";
import { ipc, type ListRow, type ProfileSummary } from "../../lib/ipc";

export type ChangeMode = "assign" | "unassign";

/** Says what a profile change will do before anything is sent, and asks to confirm. No profile is
 * chosen until the admin chooses one; what the move changes and what will still stand in the way
 * afterwards come from desk-core's planner (the same preview as the Assign screen's). */
export function ChangeProfileDialog(props: {
  row: ListRow;
  mode: ChangeMode;
  profiles: readonly ProfileSummary[];
  onConfirm: (profileId: string | null) => void;
  onCancel: () => void;
}) {
  const { row, mode } = props;
  const titleId = useId();
  const choices = props.profiles.filter((p) => p.id !== row.profileId);
  const [chosen, setChosen] = useState("");
  const select = useRef<HTMLSelectElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => (select.current ?? cancelButton.current)?.focus(), []);
  // Focus goes back to what opened the dialog (a row's menu has closed by then: to the list).
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      const back =
        opener instanceof HTMLElement && opener.isConnected && !opener.closest('[role="menu"]')
          ? opener
          : document.querySelector<HTMLElement>('[data-testid="number-grid"]');
      back?.focus();
    };
  }, [opener]);
  const target = props.profiles.find((p) => p.id === chosen);
  const targetId = mode === "unassign" ? null : chosen || undefined;
  const preview = useQuery({
    queryKey: ["preview-one", row.id, targetId ?? ""],
    queryFn: () => ipc.previewMove([row.id], targetId ?? null),
    enabled: targetId !== undefined,
    staleTime: 0,
    gcTime: 0,
  });
  const plan = preview.data;
  const refused =
    plan?.cannot[0]?.why ?? (plan && plan.counts.alreadyThere > 0 ? "It is already there." : null);

  let consequence: string;
  if (mode === "unassign") {
    consequence = `${row.display} will stop receiving incoming-message webhooks and cannot send through ${row.profileName ?? "its profile"}. It cannot text at all until it is assigned to a profile again.`;
  } else if (choices.length === 0) {
    consequence = "There is no other messaging profile to move this number to.";
  } else if (!target) {
    consequence = "Choose the profile this number should send and receive through.";
  } else {
    consequence = `${row.display} will use ${target.name}${target.hasWebhook ? ": incoming texts go to its webhook." : ", which has no webhook URL: incoming texts will not reach any system until one is set."}`;
    if (row.profileId) consequence += ` It leaves ${row.profileName ?? "its current profile"}.`;
    if (!target.enabled) consequence += ` ${target.name} is disabled.`;
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="change-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") props.onCancel();
        }}
      >
        <h2 id={titleId}>
          {mode === "unassign"
            ? `Unassign ${row.display}?`
            : row.profileId
              ? `Move ${row.display} to another profile`
              : `Assign ${row.display} to a profile`}
        </h2>
        {mode === "assign" && choices.length > 0 ? (
          <label className="setting">
            <span>Messaging profile</span>
            <select
              ref={select}
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="change-profile-select"
            >
              <option value="" disabled>
                Choose a profile…
              </option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.enabled ? "" : " (disabled)"}
                  {p.hasWebhook ? "" : " (no webhook URL)"}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p data-testid="change-consequence">{consequence}</p>
        {plan && plan.warnings.length > 0 ? (
          <ul className="plan-warnings" data-testid="change-warnings">
            {plan.warnings.map((w) => (
              <li key={`${w.kind}-${w.text}`}>{w.text}</li>
            ))}
          </ul>
        ) : null}
        {refused ? (
          <p role="alert" data-testid="change-refused">
            {refused}
          </p>
        ) : null}
        {preview.isError ? <p role="alert">{describeError(preview.error).message}</p> : null}
        <div className="form-actions">
          <button
            type="button"
            className={mode === "unassign" ? "button button-danger" : "button button-primary"}
            data-testid="change-confirm"
            disabled={!plan || plan.counts.willMove === 0}
            onClick={() => props.onConfirm(mode === "unassign" ? null : chosen)}
          >
            {mode === "unassign" ? "Unassign" : row.profileId ? "Move" : "Assign"}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="button"
            data-testid="change-cancel"
            onClick={props.onCancel}
          >
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
