import {
  ActionIcon,
  Box,
  Button,
  Card,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReferralColour, ReferralDetail, StaffMilestone } from "../../../contracts/referrals";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { formatDate, formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import { ContactDetails } from "./contact-details";
import { recordOutcome, referralKeys, referralQuery, undoOutcome } from "./referrals-api";
import { ColourBadge, RequireReferralStaff, useLabel } from "./ui";

const headingId = (phaseId: string) => `milestone-${phaseId}`;

/** After a step the card's heading takes the focus: the button pressed may be gone. */
function focusMilestone(phaseId: string) {
  window.setTimeout(() => document.getElementById(headingId(phaseId))?.focus(), 0);
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <Text component="dt" fw={700} size="sm">
            {label}
          </Text>
          <Box component="dd" m={0} fz="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {value}
          </Box>
        </Fragment>
      ))}
    </SimpleGrid>
  );
}

/** The outcome options of an open milestone, each with its colour in words, a comment and "Opslaan". */
function OutcomeForm({
  referral,
  milestone,
  onDone,
}: {
  referral: ReferralDetail;
  milestone: StaffMilestone;
  onDone: (colour: ReferralColour) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const commentId = useId();
  const [option, setOption] = useState<string>("");
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useBusyAction();
  const milestoneLabel = label(milestone.label);

  async function save() {
    const chosen = milestone.options.find((o) => o.key === option);
    if (!chosen) {
      setMissing(true);
      return;
    }
    await run(async () => {
      const updated = await recordOutcome(referral.id, milestone.phaseId, {
        option: chosen.key,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      queryClient.setQueryData(referralKeys.detail(referral.id), { referral: updated });
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      setOption("");
      setComment("");
      onDone(chosen.colour);
    });
  }

  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <FormError error={error} />
      <Radio.Group
        label={t("referrals.detail.chooseOutcome", { milestone: milestoneLabel })}
        value={option}
        onChange={(value) => {
          setOption(value);
          setMissing(false);
        }}
        error={missing ? t("referrals.detail.outcomeRequired") : undefined}
      >
        <Stack gap="xs" mt="xs">
          {milestone.options.map((o) => (
            <Radio
              key={o.key}
              value={o.key}
              label={
                <Group gap="xs" component="span">
                  <span>{label(o.label)}</span>
                  <ColourBadge colour={o.colour} size="sm">
                    {t(`referrals.colour.${o.colour}`)}
                  </ColourBadge>
                </Group>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        id={commentId}
        label={t("referrals.detail.comment")}
        description={t("referrals.detail.commentHint")}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Group>
        <Button type="submit" loading={busy}>
          {t("referrals.detail.save")}
        </Button>
      </Group>
    </Stack>
  );
}

function UndoButton({
  referral,
  milestone,
  onDone,
}: {
  referral: ReferralDetail;
  milestone: StaffMilestone;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useBusyAction();
  const name = t("referrals.detail.undo", { milestone: label(milestone.label) });

  async function undo() {
    await run(async () => {
      const updated = await undoOutcome(referral.id, milestone.phaseId);
      queryClient.setQueryData(referralKeys.detail(referral.id), { referral: updated });
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      setConfirming(false);
      onDone();
    });
  }

  return (
    <>
      <Tooltip label={name} withArrow>
        <ActionIcon
          variant="subtle"
          aria-label={name}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          <IconArrowBackUp aria-hidden="true" size={20} />
        </ActionIcon>
      </Tooltip>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("referrals.detail.undoTitle", { milestone: label(milestone.label) })}
        closeLabel={t("referrals.close")}
      >
        <Stack gap="md">
          <FormError error={error} />
          <Text>
            {t(
              milestone.points > 0 && milestone.outcome?.colour === "green"
                ? "referrals.detail.undoTextPoints"
                : "referrals.detail.undoText",
              { points: milestone.points },
            )}
          </Text>
          <Group justify="flex-end">
            <Button variant="outline" onClick={() => setConfirming(false)}>
              {t("referrals.detail.cancel")}
            </Button>
            <Button color="red.8" loading={busy} onClick={() => void undo()}>
              {t("referrals.detail.undoConfirm")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}

function MilestoneCard({
  referral,
  milestone,
  index,
  onOutcome,
  onUndone,
}: {
  referral: ReferralDetail;
  milestone: StaffMilestone;
  index: number;
  onOutcome: (milestone: StaffMilestone, colour: ReferralColour) => void;
  onUndone: (milestone: StaffMilestone) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const outcome = milestone.outcome;
  const state = outcome ? outcome.colour : milestone.open ? "open" : "waiting";
  return (
    <Card component="li" withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t("referrals.detail.step", { step: index + 1, total: referral.milestones.length })}
            </Text>
            <Title order={3} size="h4" id={headingId(milestone.phaseId)} tabIndex={-1}>
              {label(milestone.label)}
            </Title>
          </Stack>
          {milestone.undoable && referral.mayUpdate && (
            <UndoButton referral={referral} milestone={milestone} onDone={() => onUndone(milestone)} />
          )}
        </Group>
        {outcome ? (
          <Stack gap={4}>
            <Group gap="xs">
              <ColourBadge colour={outcome.colour}>
                {outcome.option ? label(outcome.option.label) : t(`referrals.status.${outcome.colour}`)}
              </ColourBadge>
              {outcome.option && <Text size="sm">({t(`referrals.colour.${outcome.colour}`)})</Text>}
            </Group>
            <Text size="sm" c="dimmed">
              {outcome.by
                ? t("referrals.detail.givenBy", {
                    name: outcome.by.name,
                    at: formatDateTime(outcome.at, locale),
                  })
                : t("referrals.detail.givenAt", { at: formatDateTime(outcome.at, locale) })}
            </Text>
            {outcome.comment && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                <Text span fw={700}>
                  {t("referrals.detail.commentLabel")}
                </Text>{" "}
                {outcome.comment}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm">{t(`referrals.detail.state.${state === "open" ? "open" : "waiting"}`)}</Text>
        )}
        {milestone.points > 0 && (
          <Text size="sm" fw={outcome?.colour === "green" ? 700 : 400}>
            {outcome?.colour === "green"
              ? t("referrals.detail.pointsGiven", { points: milestone.points })
              : t("referrals.detail.pointsOnGreen", { points: milestone.points })}
          </Text>
        )}
        {milestone.open && referral.mayUpdate && (
          <OutcomeForm
            referral={referral}
            milestone={milestone}
            onDone={(colour) => onOutcome(milestone, colour)}
          />
        )}
      </Stack>
    </Card>
  );
}

function Detail({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const errorText = useErrorText();
  const detail = useQuery(referralQuery(id));
  const [message, setMessage] = useState<string | null>(null);
  const titleId = useId();
  usePageTitle(detail.data?.referral.candidateName ?? t("referrals.detail.title"), "/verwijzingen");
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <Notice color="red">{errorText(detail.error)}</Notice>;
  const referral = detail.data.referral;

  const onOutcome = (milestone: StaffMilestone, colour: ReferralColour) => {
    const name = label(milestone.label);
    setMessage(
      colour === "red"
        ? t("referrals.detail.doneRed", { name: referral.candidateName })
        : colour === "green"
          ? t("referrals.detail.doneGreen", { milestone: name })
          : t("referrals.detail.doneOrange", { milestone: name }),
    );
    focusMilestone(milestone.phaseId);
  };
  const onUndone = (milestone: StaffMilestone) => {
    setMessage(t("referrals.detail.undone", { milestone: label(milestone.label) }));
    focusMilestone(milestone.phaseId);
  };

  return (
    <Stack gap="md">
      {message && (
        <Notice color="green" status>
          {message}
        </Notice>
      )}
      {referral.archived && (
        <Notice color="orange" status>
          {t("referrals.detail.archived")}{" "}
          <AppLink href="/verwijzingen?archief=ja">{t("referrals.detail.toArchive")}</AppLink>
        </Notice>
      )}
      <Section title={t("referrals.detail.person")}>
        <Stack gap="md">
          <Facts
            rows={[
              [t("referrals.columns.name"), referral.candidateName],
              [t("referrals.columns.referrer"), referral.referrer?.name ?? t("referrals.list.viaLink")],
              [t("referrals.columns.vacancy"), referral.vacancy.title],
              [t("referrals.columns.site"), referral.site?.name ?? referral.vacancy.city ?? "–"],
              [t("referrals.detail.channel"), t(`referrals.channel.${referral.channel}`)],
              [t("referrals.detail.reason"), referral.reason],
              [t("referrals.detail.referredAt"), formatDate(referral.referredAt, locale)],
              [t("referrals.detail.consentAt"), formatDate(referral.consentAt, locale)],
              [
                t("referrals.columns.eoi"),
                referral.eoiAt ? formatDate(referral.eoiAt, locale) : t("referrals.detail.noEoi"),
              ],
            ]}
          />
          <Title order={3} size="h4">
            {t("referrals.detail.contact")}
          </Title>
          <ContactDetails referralId={referral.id} />
        </Stack>
      </Section>
      <Stack component="section" gap="sm" aria-labelledby={titleId}>
        <Title order={2} size="h3" id={titleId}>
          {t("referrals.detail.milestones")}
        </Title>
        {!referral.mayUpdate && <Text size="sm">{t("referrals.detail.readOnly")}</Text>}
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {referral.milestones.map((m, index) => (
            <MilestoneCard
              key={m.phaseId}
              referral={referral}
              milestone={m}
              index={index}
              onOutcome={onOutcome}
              onUndone={onUndone}
            />
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}

/** One referred candidate: who, for what, and the milestones with their outcomes. */
export function ReferralDetailPage({ id }: { id: string }) {
  return (
    <RequireReferralStaff path={`/verwijzingen/${id}`}>
      <Detail id={id} />
    </RequireReferralStaff>
  );
}
