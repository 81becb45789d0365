import type { ReactNode } from "react";
import type { AccountSummary } from "../lib/ipc";
import type { Screen } from "../lib/route";
import { AccountSwitcher } from "./AccountSwitcher";
import "./AppFrame.css";

const navItems: { screen: Screen; label: string }[] = [
  { screen: "numbers", label: "Numbers" },
  { screen: "assign", label: "Assign" },
  { screen: "troubleshoot", label: "Troubleshoot" },
  { screen: "activity", label: "Activity" },
  { screen: "settings", label: "Settings" },
];

/** The window's frame once an account is open: header, navigation and the current screen. */
export function AppFrame(props: {
  account: AccountSummary;
  screen: Screen;
  onNavigate: (screen: Screen) => void;
  onConnectNew: () => void;
  children: ReactNode;
}) {
  return (
    <div className="frame">
      <header className="frame-header">
        <span className="brand">Number Desk</span>
        <AccountSwitcher account={props.account} onConnectNew={props.onConnectNew} />
      </header>
      <nav className="frame-nav" aria-label="Main">
        <ul>
          {navItems.map((item) => (
            <li key={item.screen}>
              <a
                href={`#/${item.screen}`}
                aria-current={props.screen === item.screen ? "page" : undefined}
                data-testid={`nav-${item.screen}`}
                onClick={(event) => {
                  event.preventDefault();
                  props.onNavigate(item.screen);
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="frame-main">{props.children}</main>
    </div>
  );
}
