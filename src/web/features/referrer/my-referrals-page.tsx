import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconClock, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MyReferral, ReferralColour } from "../../../contracts/referrals";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { useReadReferralNotices } from "../referrals/referrals-api";
import { formatDate } from "../vacancies/format";
import { PageLoader } from "../vacancies/ui";
import classes from "./referrer.module.css";
import { myReferralsQuery } from "./referrer-api";

/** "Mijn verwijzingen": each person the referrer referred, with their progress and points. */
export function MyReferralsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useQuery(myReferralsQuery);
  useReadReferralNotices("progress", list.isSuccess);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <Notice color="red">{errorText(list.error)}</Notice>;
  return (
    <Stack gap="md" maw={720} mx="auto">
      <Text c="dimmed">{t("referrer.mine.intro")}</Text>
      {list.data.length === 0 ? (
        <Text>
          {t("referrer.mine.none")} <AppLink href="/verwijzen">{t("referrer.mine.toRefer")}</AppLink>
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {list.data.map((referral) => (
            <li key={referral.id}>
              <ReferralCard referral={referral} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ReferralCard({ referral }: { referral: MyReferral }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const stopped = referral.state === "stopped";
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {referral.name}
            </Title>
            <Text size="sm">{referral.vacancy.title}</Text>
          </div>
          <Badge
            variant={referral.points > 0 ? "filled" : "light"}
            color={referral.points > 0 ? "teal.9" : "gray"}
            style={{ flexShrink: 0 }}
          >
            {t("referrer.points.count", { count: referral.points })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(referral.channel === "link" ? "referrer.mine.viaLink" : "referrer.mine.referredOn", {
            date: formatDate(referral.referredAt, locale),
          })}
          {" · "}
          {referral.confirmedAt
            ? t("referrer.mine.confirmedOn", { date: formatDate(referral.confirmedAt, locale) })
            : t("referrer.mine.notConfirmed")}
        </Text>
        {stopped && (
          <Badge color="red" variant="outline" leftSection={<IconX size={14} aria-hidden />}>
            {t("referrer.mine.stopped")}
          </Badge>
        )}
        <Milestones referral={referral} />
      </Stack>
    </Card>
  );
}

const ICON: Record<ReferralColour, typeof IconCheck> = { green: IconCheck, orange: IconClock, red: IconX };

/** The milestones in order, each with its colour as a dot and as words (colour alone says nothing to some). */
function Milestones({ referral }: { referral: MyReferral }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ol className={classes.steps} aria-label={t("referrer.mine.progressOf", { name: referral.name })}>
      {referral.milestones.map((m) => {
        const Icon = m.colour ? ICON[m.colour] : null;
        return (
          <li key={m.key} className={classes.step} data-colour={m.colour ?? "none"}>
            <span className={classes.dot} aria-hidden>
              {Icon && <Icon size={12} stroke={3} />}
            </span>
            <span>
              <span className={classes.label}>{m.label[locale]}</span>{" "}
              <span className={classes.state}>
                {t(`referrer.colour.${m.colour ?? "none"}`)}
                {m.at ? ` · ${formatDate(m.at, locale)}` : ""}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
