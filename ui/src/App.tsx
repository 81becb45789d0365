import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { AppFrame } from "./components/AppFrame";
import { ActivityPage } from "./features/activity/ActivityPage";
import { UnfinishedBanner } from "./features/activity/UnfinishedBanner";
import { AssignPage } from "./features/assign/AssignPage";
import { ConnectForm } from "./features/connect/ConnectForm";
import { NumbersPage } from "./features/numbers/NumbersPage";
import { SettingsPage } from "./features/settings/SettingsPage";
import { TroubleshootPage } from "./features/troubleshoot/TroubleshootPage";
import { Welcome } from "./features/welcome/Welcome";
import { type AccountSummary, ipc } from "./lib/ipc";
import { queryKeys } from "./lib/queryKeys";
import { type Screen, useScreen } from "./lib/route";
import { applyTheme } from "./lib/theme";

function ScreenView({ screen, account }: { screen: Screen; account: AccountSummary }) {
  switch (screen) {
    case "numbers":
      return <NumbersPage />;
    case "assign":
      return <AssignPage />;
    case "troubleshoot":
      return <TroubleshootPage />;
    case "activity":
      return <ActivityPage />;
    case "settings":
      return <SettingsPage account={account} />;
  }
}

export function App() {
  const account = useQuery({ queryKey: queryKeys.account, queryFn: ipc.currentAccount });
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: ipc.getSettings });
  const [screen, navigate] = useScreen();
  const [connectingNew, setConnectingNew] = useState(false);

  const theme = settings.data?.settings.theme ?? "system";
  useEffect(() => applyTheme(theme), [theme]);

  // A new account opened: leave the Connect form.
  const accountId = account.data?.id;
  useEffect(() => {
    if (accountId) setConnectingNew(false);
  }, [accountId]);

  if (account.isPending) return <p className="boot">Starting Number Desk…</p>;
  if (account.isError) return <Welcome startupError={account.error} />;
  if (!account.data) return <Welcome />;
  return (
    <AppFrame
      account={account.data}
      screen={screen}
      onNavigate={(next) => {
        setConnectingNew(false);
        navigate(next);
      }}
      onConnectNew={() => setConnectingNew(true)}
    >
      {connectingNew ? (
        <section className="page">
          <ConnectForm onCancel={() => setConnectingNew(false)} />
        </section>
      ) : (
        <>
          <UnfinishedBanner accountId={account.data.id} />
          <ScreenView screen={screen} account={account.data} />
        </>
      )}
    </AppFrame>
  );
}
