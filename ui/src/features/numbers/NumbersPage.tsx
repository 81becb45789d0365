import { useQuery } from "@tanstack/react-query";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ipc } from "../../lib/ipc";

const countFormat = new Intl.NumberFormat("en-US");

/** The account's messaging numbers and profiles. */
export function NumbersPage() {
  const overview = useQuery({ queryKey: ["numbers-overview"], queryFn: ipc.numbersOverview });

  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">Numbers</h1>
        <button
          type="button"
          className="button"
          data-testid="refresh"
          disabled={overview.isFetching}
          onClick={() => overview.refetch()}
        >
          {overview.isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {overview.isError ? <ErrorNotice error={overview.error} onRetry={() => overview.refetch()} /> : null}
      {overview.isPending ? <p aria-live="polite">Loading the account's numbers…</p> : null}
      {overview.data ? (
        <>
          <p className="headline">
            <span data-testid="numbers-count">{countFormat.format(overview.data.totalNumbers)}</span> numbers
            can send or receive messages.
          </p>
          <h2>Messaging profiles ({overview.data.profiles.length})</h2>
          {overview.data.profiles.length === 0 ? (
            <p>This account has no messaging profile yet.</p>
          ) : (
            <ul className="profile-list">
              {overview.data.profiles.map((profile) => (
                <li key={profile.id}>
                  <span data-testid="profile-name">{profile.name}</span>
                  {profile.enabled ? null : <span className="badge badge-warn">Disabled</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
