import { createContext, type ReactNode, useContext } from "react";
import type { Portal } from "../../../contracts/tenancy";

export interface PortalContextValue {
  portal: Portal;
  portals: Portal[];
}

const PortalContext = createContext<PortalContextValue | null>(null);

export function PortalProvider({ value, children }: { value: PortalContextValue; children: ReactNode }) {
  return <PortalContext.Provider value={value}>{children}</PortalContext.Provider>;
}

/** The portal this host serves. Only rendered below a known portal, so it is never null. */
export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error("usePortal() used outside <PortalProvider>");
  return value;
}
