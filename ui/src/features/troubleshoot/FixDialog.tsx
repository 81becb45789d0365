import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import {
  type BulkProgress,
  ipc,
  type ProfileFixed,
  type ProfileSummary,
  type WebhookTestResult,
} from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import type { OfferedFix } from "./model";

/**
 * Confirms one one-click fix, stating its consequence, and makes it. Profile fixes are one
 * journalled PATCH of the profile (Activity lists them and can undo them); assigning the number goes through the bulk preview and journal (`previewMove` /
 * `runMove`), its preview's counts and warnings shown before anything is sent.
 */
export function FixDialog(props: {
  fix: OfferedFix;
  /** For "fix all in this group": the numbers (ids) to assign, instead of the fix's one number. */
  selection?: readonly string[];
  profiles: readonly ProfileSummary[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { fix } = props;
  const action = fix.action;
  const queryClient = useQueryClient();
  const titleId = useId();
  const first = useRef<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [url, setUrl] = useState("");
  const suggested = action.action === "assignProfile" ? action.suggestedProfileId : null;
  const [profileId, setProfileId] = useState(
    () => props.profiles.find((p) => p.id === suggested)?.id ?? props.profiles[0]?.id ?? "",
  );
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [tested, setTested] = useState<WebhookTestResult | null>(null);
  const [testing, setTesting] = useState(false);
  useEffect(() => first.current?.focus(), []);
  const selection =
    action.action === "assignProfile" ? [...(props.selection ?? [action.phoneNumberId])] : ([] as string[]);
  const many = selection.length > 1;

  const preview = useQuery({
    queryKey: ["troubleshoot-preview", selection.join(","), profileId],
    queryFn: () => ipc.previewMove(selection, profileId),
    enabled: action.action === "assignProfile" && profileId !== "",
    gcTime: 0,
  });

  let title: string;
  switch (action.action) {
    case "assignProfile":
      title = many
        ? `Assign ${selection.length} numbers to a messaging profile`
        : `Assign ${action.phoneNumber} to a messaging profile`;
      break;
    case "enableProfile":
      title = `Turn “${action.profileName}” back on?`;
      break;
    case "setWebhookUrl":
      title = `Set the webhook URL of “${action.profileName}”`;
      break;
    case "addDestinationCountry":
      title = `Allow texts to ${action.country} on “${action.profileName}”?`;
      break;
  }

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      switch (action.action) {
        case "assignProfile": {
          const job = await ipc.runMove(selection, profileId, setProgress);
          const moved = job.items.filter((i) => i.state === "moved").length;
          const failed = job.items.filter((i) => i.state === "failed");
          if (many) {
            const name = props.profiles.find((p) => p.id === profileId)?.name ?? "the profile";
            props.onDone(
              `${moved} ${moved === 1 ? "number is" : "numbers are"} now on “${name}”` +
                (failed.length > 0 ? `; ${failed.length} could not be moved (see Activity).` : "."),
            );
            break;
          }
          if (failed.length > 0)
            throw new Error(failed[0]?.words ?? `${action.phoneNumber} could not be assigned.`);
          const name = props.profiles.find((p) => p.id === profileId)?.name ?? "the profile";
          props.onDone(
            moved > 0
              ? `${action.phoneNumber} is now on “${name}” (a change in Activity, which can undo it).`
              : `${action.phoneNumber} was already on “${name}”.`,
          );
          break;
        }
        case "enableProfile": {
          const fixed = await ipc.applyProfileFix({ kind: "enable", profileId: action.profileId });
          props.onDone(fixedWords(fixed, `“${fixed.profileName}” is turned on.`));
          break;
        }
        case "setWebhookUrl": {
          const fixed = await ipc.applyProfileFix({
            kind: "setWebhookUrl",
            profileId: action.profileId,
            url,
          });
          props.onDone(
            fixedWords(fixed, `“${fixed.profileName}” now sends incoming texts to ${url.trim()}.`),
          );
          break;
        }
        case "addDestinationCountry": {
          const fixed = await ipc.applyProfileFix({
            kind: "addDestinationCountry",
            profileId: action.profileId,
            country: action.country,
          });
          props.onDone(fixedWords(fixed, `“${fixed.profileName}” now allows texts to ${action.country}.`));
          break;
        }
      }
    } catch (e) {
      setError(e);
      setBusy(false);
    } finally {
      // Every fix is a journalled change (made or refused): Activity and the unfinished-change
      // banner read the journal again. The callers reload the numbers themselves.
      for (const queryKey of queryKeys.afterJournal) queryClient.invalidateQueries({ queryKey });
    }
  };

  const plan = preview.data;
  const canConfirm =
    !busy &&
    (action.action !== "assignProfile" || (plan !== undefined && plan.counts.willMove > 0)) &&
    (action.action !== "setWebhookUrl" || url.trim() !== "");

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog fix-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="fix-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape" && !busy) props.onCancel();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {action.action === "assignProfile" ? (
          <label className="setting">
            <span>Messaging profile</span>
            <select
              ref={(el) => {
                first.current = el;
              }}
              value={profileId}
              disabled={busy}
              onChange={(e) => setProfileId(e.target.value)}
              data-testid="fix-profile-select"
            >
              {props.profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.enabled ? "" : " (disabled)"}
                  {p.id === suggested && !many ? " — its texts named this one" : ""}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {action.action === "setWebhookUrl" ? (
          <label className="setting">
            <span>New webhook URL (https://)</span>
            <input
              ref={(el) => {
                first.current = el;
              }}
              type="url"
              value={url}
              placeholder="https://example.com/telnyx/inbound"
              disabled={busy}
              onChange={(e) => setUrl(e.target.value)}
              data-testid="fix-url"
            />
            {action.currentUrl ? <p className="muted">Now: {action.currentUrl}</p> : null}
          </label>
        ) : null}
        {action.action === "setWebhookUrl" ? (
          <div className="webhook-test">
            <button
              type="button"
              className="button"
              data-testid="fix-test-webhook"
              disabled={busy || testing || !url.trim()}
              onClick={async () => {
                setTesting(true);
                setTested(null);
                try {
                  setTested(await ipc.testWebhook(url.trim()));
                } finally {
                  setTesting(false);
                }
              }}
            >
              {testing ? "Sending a test…" : "Send a test incoming text"}
            </button>
            {tested ? (
              <p
                className={tested.outcome === "delivered" ? "webhook-ok" : "webhook-bad"}
                data-testid="fix-test-result"
                data-outcome={tested.outcome}
                role="status"
              >
                {tested.sentence}
              </p>
            ) : null}
          </div>
        ) : null}
        <p data-testid="fix-consequence">{fix.consequence}</p>
        {action.action === "assignProfile" ? (
          <div className="fix-preview" data-testid="fix-preview" aria-live="polite">
            {preview.isPending ? <p className="muted">Previewing…</p> : null}
            {preview.isError ? <ErrorNotice error={preview.error} /> : null}
            {plan ? (
              <>
                <p data-testid="fix-preview-counts">
                  Will move: {plan.counts.willMove} · Already there: {plan.counts.alreadyThere} · Cannot:{" "}
                  {plan.counts.cannot}
                </p>
                {plan.cannot.map((c) => (
                  <p key={c.phoneNumber} className="muted">
                    {c.phoneNumber}: {c.why}
                  </p>
                ))}
                {plan.warnings.length > 0 ? (
                  <ul className="fix-warnings" data-testid="fix-preview-warnings">
                    {plan.warnings.map((w) => (
                      <li key={w.kind}>{w.text}</li>
                    ))}
                  </ul>
                ) : null}
                <p className="muted">The change is journalled: Activity can undo it.</p>
              </>
            ) : null}
          </div>
        ) : null}
        {progress && busy ? (
          <p className="muted" data-testid="fix-progress">
            {progress.moved} of {progress.total} moved…
          </p>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="fix-confirm"
            disabled={!canConfirm}
            ref={(el) => {
              if (action.action === "enableProfile" || action.action === "addDestinationCountry")
                first.current = el;
            }}
            onClick={confirm}
          >
            {busy ? "Working…" : "Make this change"}
          </button>
          <button
            type="button"
            className="button"
            data-testid="fix-cancel"
            disabled={busy}
            onClick={props.onCancel}
          >
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

/** A made profile fix in words, and where it can be undone (nothing was sent when it already held). */
export function fixedWords(fixed: ProfileFixed, done: string): string {
  return fixed.job
    ? `${done} The change is in Activity, where you can undo it.`
    : `${done} It already was, so nothing was sent.`;
}
