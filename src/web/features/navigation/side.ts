import { useSyncExternalStore } from "react";
import type { Side } from "./menu";

export const SIDE_STORAGE_KEY = "werkbrug.side";
const DEFAULT_SIDE: Side = "employer";
const listeners = new Set<() => void>();
let current: Side = DEFAULT_SIDE;

function read(): Side {
  try {
    return window.localStorage.getItem(SIDE_STORAGE_KEY) === "candidate" ? "candidate" : DEFAULT_SIDE;
  } catch {
    // Blocked storage: the switch still works for this page view.
    return current;
  }
}

export function setSide(side: Side): void {
  current = side;
  try {
    window.localStorage.setItem(SIDE_STORAGE_KEY, side);
  } catch {
    // Not remembering the side is acceptable.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SIDE_STORAGE_KEY) listener();
  };
  // Another tab switching sides switches this one too.
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The side of the portal this browser shows (Kansenportaal's candidate/corporate parts). */
export function useSide(): Side {
  return useSyncExternalStore(subscribe, read, () => DEFAULT_SIDE);
}
