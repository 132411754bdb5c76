import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Menu targets whose feature lands in a later issue; one honest line instead of a fake page. */
export function ComingSoonPage({ detail }: { detail?: string }) {
  const { t } = useTranslation();
  return <Text c="dimmed">{detail ?? t("comingSoon.text")}</Text>;
}
