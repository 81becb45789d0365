import { useEffect, useId, useRef, useState } from "react";
import type { ListRow, ProfileSummary } from "../../lib/ipc";

export type ChangeMode = "assign" | "unassign";

/** Says what a profile change will do before anything is sent, and asks to confirm. */
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
  const [chosen, setChosen] = useState(choices[0]?.id ?? "");
  const select = useRef<HTMLSelectElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => (select.current ?? confirmButton.current)?.focus(), []);
  const target = props.profiles.find((p) => p.id === chosen);
  const current = row.profileName ?? "its current profile";

  let consequence: string;
  if (mode === "unassign") {
    consequence = `${row.display} will stop receiving incoming-message webhooks and cannot send through ${current}. It cannot text at all until it is assigned to a profile again.`;
  } else if (!target) {
    consequence = "There is no other messaging profile to move this number to.";
  } else {
    consequence = `${row.display} will send and receive through ${target.name}: incoming texts go to ${target.name}'s webhook.`;
    if (row.profileId) consequence += ` It leaves ${current}, whose webhook stops getting its messages.`;
    if (!target.enabled)
      consequence += ` ${target.name} is disabled, so the number will not text until that profile is enabled.`;
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
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.enabled ? "" : " (disabled)"}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p data-testid="change-consequence">{consequence}</p>
        <div className="form-actions">
          <button
            type="button"
            className={mode === "unassign" ? "button button-danger" : "button button-primary"}
            data-testid="change-confirm"
            disabled={mode === "assign" && !target}
            ref={confirmButton}
            onClick={() => props.onConfirm(mode === "unassign" ? null : chosen)}
          >
            {mode === "unassign" ? "Unassign" : row.profileId ? "Move" : "Assign"}
          </button>
          <button type="button" className="button" data-testid="change-cancel" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
