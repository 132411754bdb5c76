import { useMatches } from "@tanstack/react-router";
import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useState } from "react";

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** i18n key of the page title shown in the header; `{{portal}}` is the portal's name. */
    titleKey?: string;
    /** Where the header's back arrow goes ("bovenliggende pagina"); none on top-level pages. */
    parent?: string;
  }
}

export interface PageTitle {
  title: string;
  parent: string | null;
}

interface PageTitleState {
  override: PageTitle | null;
  setOverride: (value: PageTitle | null) => void;
}

const PageTitleContext = createContext<PageTitleState | null>(null);

export function PageTitleProvider({ children }: { children: ReactNode }) {
  const [override, setOverride] = useState<PageTitle | null>(null);
  const value = useMemo(() => ({ override, setOverride }), [override]);
  return <PageTitleContext.Provider value={value}>{children}</PageTitleContext.Provider>;
}

/**
 * For pages whose title is data (a vacancy's name) or that have no route (404). Routes with a
 * fixed title use `staticData.titleKey` instead.
 */
export function usePageTitle(title: string, parent: string | null = null): void {
  const state = useContext(PageTitleContext);
  const setOverride = state?.setOverride;
  // Layout effect: the header shows the right title in the very first paint.
  useLayoutEffect(() => {
    setOverride?.({ title, parent });
    return () => setOverride?.(null);
  }, [setOverride, title, parent]);
}

/** What the shell shows: a page's override, else the deepest route's static title. */
export function useResolvedPageTitle(translate: (key: string) => string): PageTitle | null {
  const state = useContext(PageTitleContext);
  const fromRoute = useMatches({
    select: (matches) => {
      const data = [...matches].reverse().find((m) => m.staticData?.titleKey)?.staticData;
      return data ? { titleKey: data.titleKey ?? "", parent: data.parent ?? null } : null;
    },
  });
  if (state?.override) return state.override;
  if (!fromRoute) return null;
  return { title: translate(fromRoute.titleKey), parent: fromRoute.parent };
}
