// The base styles first: every feature's and component's own stylesheet (imported beside it) comes
// after them and may refine them.
import "./styles/base.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const queryClient = new QueryClient({
  defaultOptions: {
    // The backend already retries what is safe to retry; a second layer here would only delay errors.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 60_000 },
  },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
