import { type RefObject, useState } from "react";

/**
 * A form step that calls the server: `busy` while it runs, the error it failed with (for
 * FormError and the field errors), and the focus back on a field when it fails.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>, focusOnError?: RefObject<HTMLElement | null>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
      focusOnError?.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
