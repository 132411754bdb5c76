import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PlacementState, TimesheetStatus } from "../../../contracts/placements";
import { intlLocale } from "../../i18n";
import { meQuery } from "../account/me-query";
import { Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader } from "../vacancies/ui";
import { formatHours, formatMoney } from "./format";
import { useMayKeepPlacements } from "./record-placement";

/** Recruiters only; a visitor signs in first and comes back. */
export function RequireRecruiter({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const mayKeep = useMayKeepPlacements();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  if (!mayKeep) return <Notice color="orange">{t("placements.onlyRecruiters")}</Notice>;
  return <>{children}</>;
}

/** Hours and money in the screen's notation, with the formatters made once per language. */
export function useNumbers() {
  const tag = intlLocale(useLocale());
  return {
    hours: (hours: number) => formatHours(hours, tag),
    money: (cents: number) => formatMoney(cents, tag),
  };
}

/** Dark shades: white badge text on them passes the contrast check. */
const STATE_COLOR: Record<PlacementState, string> = {
  upcoming: "indigo.9",
  active: "teal.9",
  ended: "gray.7",
};

const STATUS_COLOR: Record<TimesheetStatus, string> = {
  draft: "gray.7",
  submitted: "indigo.9",
  approved: "teal.9",
  rejected: "red.9",
};

const BADGE_STYLES = { label: { overflow: "visible" } } as const;

export function StateBadge({ state }: { state: PlacementState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="filled" styles={BADGE_STYLES}>
      {t(`placements.state.${state}`)}
    </Badge>
  );
}

export function WeekStatusBadge({ status }: { status: TimesheetStatus | null }) {
  const { t } = useTranslation();
  if (!status)
    return (
      <Badge color="gray" variant="outline" styles={BADGE_STYLES}>
        {t("placements.weekStatus.none")}
      </Badge>
    );
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" styles={BADGE_STYLES}>
      {t(`placements.weekStatus.${status}`)}
    </Badge>
  );
}
