import { Group, Loader, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSignOut } from "../features/identity/use-sign-out";

/** A plain address that signs out, e.g. for staff stuck halfway through setting up security. */
export function SignOutPage() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const started = useRef(false);
  useEffect(() => {
    // StrictMode mounts twice in development; signing out once is enough.
    if (started.current) return;
    started.current = true;
    void signOut();
  }, [signOut]);
  return (
    <Group gap="xs">
      <Loader size="sm" aria-hidden="true" />
      <Text role="status">{t("account.loggingOut")}</Text>
    </Group>
  );
}
