import "@mantine/core/styles.css";
import "./global.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { i18next, i18nReady } from "./i18n";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// Server messages (errors, validation) come in the request's language: fetch them again.
// The portal is exempt: its names are translated client-side and refetching would flash.
i18next.on("languageChanged", () => {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "portal" });
});

const container = document.getElementById("root");
if (!container) throw new Error("index.html lacks #root");

void i18nReady.then(() => {
  document.documentElement.lang = i18next.language;
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
});
