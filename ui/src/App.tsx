import { useQuery } from "@tanstack/react-query";
import { AppFrame } from "./components/AppFrame";
import { ErrorNotice } from "./components/ErrorNotice";
import { NotBuiltYet } from "./components/NotBuiltYet";
import { NumbersPage } from "./features/numbers/NumbersPage";
import { Welcome } from "./features/welcome/Welcome";
import { ipc } from "./lib/ipc";
import { type Screen, useScreen } from "./lib/route";

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case "numbers":
      return <NumbersPage />;
    case "assign":
      return <NotBuiltYet title="Assign" what="Move numbers between messaging profiles by drag and drop." />;
    case "troubleshoot":
      return <NotBuiltYet title="Troubleshoot" what="Find out why a number cannot send or receive." />;
    case "activity":
      return <NotBuiltYet title="Activity" what="See and undo the changes made from Number Desk." />;
    case "settings":
      return <NotBuiltYet title="Settings" what="Theme, accounts and advanced options." />;
  }
}

export function App() {
  const account = useQuery({ queryKey: ["account"], queryFn: ipc.currentAccount });
  const [screen, navigate] = useScreen();

  if (account.isPending) return <p className="boot">Starting Number Desk…</p>;
  if (account.isError) return <ErrorNotice error={account.error} onRetry={() => account.refetch()} />;
  if (!account.data) return <Welcome />;
  return (
    <AppFrame account={account.data} screen={screen} onNavigate={navigate}>
      <ScreenView screen={screen} />
    </AppFrame>
  );
}
