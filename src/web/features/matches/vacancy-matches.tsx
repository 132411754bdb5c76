import {
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  MatchSummary,
  VacancyMatchesResponse,
  VacancyProposalsResponse,
} from "../../../contracts/matches";
import { ReferralNoticeSettingSchema } from "../../../contracts/referrals";
import { ApiError, api } from "../../api";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PlacementAction } from "../placements/record-placement";
import { vacancyProposalsQuery } from "../proposals/proposals-api";
import { ProposalCell } from "../proposals/vacancy-proposals";
import { AddToTalentPool } from "../talent-pools/add-to-pool";
import { formatDate } from "../vacancies/format";
import { Section } from "../vacancies/ui";
import { OutcomeBadge, StateBadge } from "./badges";
import { MatchDialog } from "./match-dialog";
import { chooseProcedure, matchKeys, vacancyMatchesQuery } from "./matches-api";

/** The procedure the vacancy follows, and for those who may, the choice of another. */
function ProcedureChoice({ vacancyId, data }: { vacancyId: string; data: VacancyMatchesResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (procedureId: string | null) => chooseProcedure(vacancyId, procedureId),
    onSuccess: (saved) => queryClient.setQueryData(matchKeys.ofVacancy(vacancyId), saved),
  });
  if (!data.permissions.chooseProcedure || data.procedures.length < 2)
    return (
      <Text c="dimmed">
        {t("matches.procedure")}: {data.procedure.name[locale]}
      </Text>
    );
  return (
    <Stack gap={4} maw={260}>
      <Select
        label={t("matches.procedure")}
        size="sm"
        allowDeselect={false}
        data={data.procedures.map((p) => ({ value: p.id, label: p.name[locale] }))}
        value={data.procedure.id}
        disabled={mutation.isPending}
        onChange={(value) => {
          if (!value || value === data.procedure.id) return;
          const chosen = data.procedures.find((p) => p.id === value);
          mutation.mutate(chosen?.isDefault ? null : value);
        }}
      />
      <FormError error={mutation.error} />
      {data.procedure.kind === "referral" && <ReferralNoticeSwitch vacancyId={vacancyId} />}
    </Stack>
  );
}

/** Referral portal: whether the vacancy's owner hears of every newly referred candidate. */
function ReferralNoticeSwitch({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ["referrals", "notify", vacancyId];
  const setting = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api(
        `/api/v1/referrals/vacancies/${encodeURIComponent(vacancyId)}/notify`,
        ReferralNoticeSettingSchema,
        {
          signal,
        },
      ),
  });
  const mutation = useMutation({
    mutationFn: (notify: boolean) =>
      api(
        `/api/v1/referrals/vacancies/${encodeURIComponent(vacancyId)}/notify`,
        ReferralNoticeSettingSchema,
        {
          method: "PUT",
          body: { notify },
        },
      ),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  if (!setting.data) return null;
  return (
    <>
      <Switch
        label={t("matches.referralNotify")}
        checked={setting.data.notify}
        disabled={mutation.isPending}
        onChange={(event) => mutation.mutate(event.currentTarget.checked)}
      />
      <FormError error={mutation.error} />
    </>
  );
}

function PhaseTable({
  matches,
  onOpen,
  vacancyId,
  phaseKey,
  proposals,
  hired,
}: {
  matches: MatchSummary[];
  onOpen: (id: string) => void;
  vacancyId: string;
  phaseKey: string;
  proposals: VacancyProposalsResponse | undefined;
  /** A phase that means "hired": its matches get "Plaatsing vastleggen" (issue 13). */
  hired: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("matches.candidate")}</Table.Th>
            <Table.Th scope="col">{t("matches.since")}</Table.Th>
            <Table.Th scope="col">{t("matches.outcome")}</Table.Th>
            <Table.Th scope="col">{t("proposals.column")}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("matches.open")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.candidate.name}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(m.phaseSince, locale)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <OutcomeBadge outcome={m.outcome} />
                  <StateBadge state={m.state} />
                </Group>
              </Table.Td>
              <Table.Td>
                <ProposalCell vacancyId={vacancyId} match={m} phaseKey={phaseKey} data={proposals} />
              </Table.Td>
              <Table.Td ta="right">
                {/* The placement's button makes three: they may wrap rather than squeeze the badges. */}
                <Group gap={4} justify="flex-end" wrap={hired ? "wrap" : "nowrap"}>
                  {hired && m.state === "hired" && <PlacementAction matchId={m.id} name={m.candidate.name} />}
                  <AddToTalentPool candidateId={m.candidate.id} name={m.candidate.name} compact />
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onOpen(m.id)}
                    aria-label={t("matches.openFor", { name: m.candidate.name })}
                  >
                    {t("matches.open")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The staff vacancy page's candidates by phase of the vacancy's procedure (decision 0016). Shown
 * only to those who may see its matches: for anyone else the API answers 403/404 and the
 * section stays away.
 */
export function VacancyMatches({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const query = useQuery(vacancyMatchesQuery(vacancyId));
  // Proposals to the employer ("Voorstellen"): who, when, to whom, the verdict.
  const proposals = useQuery({ ...vacancyProposalsQuery(vacancyId), enabled: query.isSuccess });
  const [open, setOpen] = useState<string | null>(null);
  if (query.isPending) return null;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404))
      return null;
    return (
      <Section title={t("matches.title")}>
        <Notice color="red">{errorText(query.error)}</Notice>
      </Section>
    );
  }
  const data = query.data;
  const filled = data.phases.filter((g) => g.matches.length > 0);
  return (
    <Section title={t("matches.title")} action={<ProcedureChoice vacancyId={vacancyId} data={data} />}>
      <Stack gap="md">
        {data.permissions.sees === "visible_to_contacts" && (
          <Text size="sm" c="dimmed">
            {t("matches.onlyVisible")}
          </Text>
        )}
        {filled.length === 0 && <Text c="dimmed">{t("matches.none")}</Text>}
        {filled.map((group) => (
          <div key={group.phase.id}>
            <Title order={3} size="h5" mb={4}>
              {group.phase.label[locale]}{" "}
              <Badge
                variant="outline"
                color="gray"
                aria-label={t("matches.count", { count: group.matches.length })}
              >
                {group.matches.length}
              </Badge>
            </Title>
            <PhaseTable
              matches={group.matches}
              onOpen={setOpen}
              vacancyId={vacancyId}
              phaseKey={group.phase.key}
              proposals={proposals.data}
              hired={group.phase.meaning === "hired" && data.permissions.sees === "all"}
            />
          </div>
        ))}
      </Stack>
      {open && <MatchDialog id={open} vacancyId={vacancyId} onClose={() => setOpen(null)} />}
    </Section>
  );
}
