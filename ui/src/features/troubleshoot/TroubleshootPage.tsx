import { useQuery } from "@tanstack/react-query";
import { ipc } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { useHashQuery } from "../../lib/route";
import { CodeLookup } from "./CodeLookup";
import { readTroubleQuery, type TroubleState, writeTroubleQuery } from "./model";
import { ScanView } from "./ScanView";
import { Wizard } from "./Wizard";
import "./troubleshoot.css";

const views: { key: TroubleState["view"]; label: string }[] = [
  { key: "wizard", label: "Find what is wrong with a number" },
  { key: "scan", label: "Scan the account" },
  { key: "codes", label: "Look up an error code" },
];

/** The Troubleshoot screen: the wizard, the account scan and the error-code lookup. */
export function TroubleshootPage() {
  const [query, setQuery] = useHashQuery("troubleshoot");
  const state = readTroubleQuery(query);
  const account = useQuery({ queryKey: queryKeys.account, queryFn: ipc.currentAccount });
  const update = (next: Partial<TroubleState>, push: boolean) =>
    setQuery(writeTroubleQuery({ ...state, ...next }), push);
  return (
    <section className="page troubleshoot" aria-labelledby="page-title">
      <h1 id="page-title">Troubleshoot</h1>
      <nav className="trouble-views" aria-label="Troubleshoot">
        {views.map((v) => (
          <button
            key={v.key}
            type="button"
            className="trouble-view"
            aria-current={state.view === v.key ? "page" : undefined}
            data-testid={`view-${v.key}`}
            onClick={() => update({ view: v.key }, true)}
          >
            {v.label}
          </button>
        ))}
      </nav>
      {state.view === "wizard" ? <Wizard state={state} update={update} /> : null}
      {state.view === "scan" ? (
        <ScanView
          accountId={account.data?.id}
          onOpen={(n) => update({ view: "wizard", symptom: "check", number: n }, true)}
        />
      ) : null}
      {state.view === "codes" ? <CodeLookup /> : null}
    </section>
  );
}
