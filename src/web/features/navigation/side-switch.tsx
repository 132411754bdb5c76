import { SegmentedControl } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { meQuery } from "../account/me-query";
import { hasBothSides, type Side } from "./menu";
import { setSide, useSide } from "./side";

/**
 * "Switchen kan via het blokje bovenaan rechts naast het logo": only for an account that is a
 * candidate and staff at once.
 */
export function SideSwitch() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const side = useSide();
  if (!hasBothSides(me.data?.roles ?? null)) return null;
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("side.label")}
      value={side}
      onChange={(value) => setSide(value as Side)}
      data={[
        { value: "candidate", label: t("side.candidate") },
        { value: "employer", label: t("side.employer") },
      ]}
      color="portal"
    />
  );
}
