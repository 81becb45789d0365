import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ipc, type NumbersList, type ProfileSummary } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import "../connect/connect.css";

/** For an account without a messaging profile: the three things a profile needs, then Telnyx
 * creates it and numbers can be assigned to it at once. */
export function CreateProfileForm(props: {
  accountId: string | undefined;
  onCreated: (p: ProfileSummary) => void;
}) {
  const ids = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [webhookUrl, setWebhookUrl] = useState("");
  const [destinations, setDestinations] = useState("US");
  const create = useMutation({
    mutationFn: () => ipc.createMessagingProfile({ name, webhookUrl, destinations }),
    onSuccess: (profile) => {
      queryClient.setQueryData<NumbersList>(
        queryKeys.numbers(props.accountId),
        (list) => list && { ...list, profiles: [...list.profiles, profile] },
      );
      props.onCreated(profile);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };
  return (
    <form className="connect-form create-profile" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Create a messaging profile</h2>
      <label htmlFor={`${ids}-name`}>Name</label>
      <input
        id={`${ids}-name`}
        data-testid="profile-name-input"
        value={name}
        placeholder="Support Line"
        maxLength={100}
        required
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={`${ids}-webhook`}>Where incoming texts go (webhook address, optional)</label>
      <input
        id={`${ids}-webhook`}
        data-testid="profile-webhook-input"
        value={webhookUrl}
        placeholder="https://example.com/texts"
        inputMode="url"
        onChange={(e) => setWebhookUrl(e.target.value)}
      />
      <p className="muted">
        Telnyx sends each text your numbers receive to this address. Leave it empty to set it up later.
      </p>
      <label htmlFor={`${ids}-destinations`}>Countries it may text</label>
      <input
        id={`${ids}-destinations`}
        data-testid="profile-destinations-input"
        value={destinations}
        placeholder="US, CA"
        onChange={(e) => setDestinations(e.target.value)}
      />
      <p className="muted">Two-letter country codes separated by commas, or * for every country.</p>
      {create.isError ? <ErrorNotice error={create.error} /> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="profile-create"
          disabled={create.isPending || name.trim() === ""}
        >
          {create.isPending ? "Creating at Telnyx…" : "Create profile"}
        </button>
      </div>
    </form>
  );
}
