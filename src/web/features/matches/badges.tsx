import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Outcome, PhaseMeaning } from "../../../contracts/matches";

export const STATE_COLOR: Record<PhaseMeaning, string> = {
  active: "blue.8",
  // green.9 on white is 4.4:1, short of the 4.5:1 that badge-sized text needs.
  hired: "teal.9",
  rejected: "red.9",
  archived: "gray.7",
  withdrawn: "gray.7",
};

export const OUTCOME_COLOR: Record<Outcome, string> = {
  green: "green.9",
  orange: "orange.9",
  red: "red.9",
  passed: "teal.9",
  failed: "red.9",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return (
    <Badge color={OUTCOME_COLOR[outcome]} variant="light">
      {t(`matches.outcomes.${outcome}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: PhaseMeaning }) {
  const { t } = useTranslation();
  if (state === "active") return null;
  return (
    <Badge color={STATE_COLOR[state]} variant="outline" styles={{ label: { overflow: "visible" } }}>
      {t(`matches.state.${state}`)}
    </Badge>
  );
}
