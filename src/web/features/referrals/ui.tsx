import { Badge, Button, Group } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconCircleX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Labels } from "../../../contracts/matches";
import type { ReferralColour } from "../../../contracts/referrals";
import { AppLink } from "../../ui/app-link";
import { meQuery } from "../account/me-query";
import { Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader } from "../vacancies/ui";
import { referralReachQuery } from "./referrals-api";
import { REFERRAL_SECTIONS, type ReferralStatus } from "./search-params";

/** The organisation's recruiters and managers only; a visitor signs in first and comes back. */
export function RequireReferralStaff({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  // The server says whether the caller works with referrals: the menu asks the same.
  const reach = useQuery({ ...referralReachQuery, enabled: Boolean(me.data) });
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  if (reach.isPending) return <PageLoader />;
  if (!reach.data?.works) return <Notice color="orange">{t("referrals.onlyStaff")}</Notice>;
  return <>{children}</>;
}

/** A label kept in Dutch and English, in the screen's language. */
export function useLabel(): (labels: Labels | { nl: string; en: string }) => string {
  const locale = useLocale();
  return (labels) => labels[locale] || labels.nl;
}

/**
 * Dark shades of green, orange and red: white badge text on them keeps at least 4.5:1 (Mantine's
 * green.9 and orange.9 do not), in the light and the dark scheme alike.
 */
const STATUS_COLOR: Record<ReferralStatus, string> = {
  none: "gray.7",
  green: "#1e6b30",
  orange: "#9c3f00",
  red: "#b02525",
};

const STATUS_ICON: Record<ReferralStatus, typeof IconCircleCheck> = {
  none: IconCircleDashed,
  green: IconCircleCheck,
  orange: IconAlertTriangle,
  red: IconCircleX,
};

const BADGE_STYLE = { style: { overflow: "visible" }, styles: { label: { overflow: "visible" } } } as const;

/**
 * An outcome's colour as a badge that says it in words and with an icon as well ("Positief",
 * "Meer informatie nodig", "Niet verder"): colour is never the only sign. `children` replaces
 * the word (an outcome option's own label).
 */
export function ColourBadge({
  colour,
  children,
  size = "md",
}: {
  colour: ReferralStatus;
  children?: ReactNode;
  size?: "sm" | "md" | "lg";
}) {
  const { t } = useTranslation();
  const Icon = STATUS_ICON[colour];
  return (
    <Badge
      color={STATUS_COLOR[colour]}
      variant="filled"
      size={size}
      tt="none"
      leftSection={<Icon aria-hidden="true" size={14} />}
      {...BADGE_STYLE}
    >
      {children ?? t(`referrals.status.${colour}`)}
    </Badge>
  );
}

/** The colour word of an option, for selects where a badge cannot go ("groen – …"). */
export function colourWord(t: (key: string) => string, colour: ReferralColour): string {
  return t(`referrals.colour.${colour}`);
}

/** The three parts of the referrals area, as links (each is its own page and address). */
export function ReferralsNav({ current }: { current: (typeof REFERRAL_SECTIONS)[number]["key"] }) {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t("referrals.nav.label")} gap="xs" wrap="wrap">
      {REFERRAL_SECTIONS.map((section) => (
        <Button
          key={section.key}
          component={AppLink}
          href={section.href}
          size="compact-md"
          variant={section.key === current ? "filled" : "subtle"}
          aria-current={section.key === current ? "page" : undefined}
        >
          {t(`referrals.nav.${section.key}`)}
        </Button>
      ))}
    </Group>
  );
}
