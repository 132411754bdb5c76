import {
  Button,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  EVALUATION_VERDICTS,
  type EvaluationVerdict,
  type MatchDetail,
  type Outcome,
} from "../../../contracts/matches";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { MatchDocuments } from "../documents/match-documents";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { PageLoader } from "../vacancies/ui";
import { OutcomeBadge, StateBadge } from "./badges";
import { evaluateMatch, matchKeys, matchQuery, moveMatch, undoMatch } from "./matches-api";

/** After a change: the vacancy's lists and counts follow. */
function useRefresh(vacancyId: string) {
  const queryClient = useQueryClient();
  return (match: MatchDetail) => {
    queryClient.setQueryData(matchKeys.detail(match.id), match);
    void queryClient.invalidateQueries({ queryKey: matchKeys.ofVacancy(vacancyId) });
    void queryClient.invalidateQueries({ queryKey: ["vacancies", "detail", vacancyId] });
  };
}

function MoveForm({
  match,
  vacancyId,
  onDone,
}: {
  match: MatchDetail;
  vacancyId: string;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefresh(vacancyId);
  const phases = match.procedure.phases.filter((p) => match.permissions.moveTo.includes(p.id));
  const [phaseId, setPhaseId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [comment, setComment] = useState("");
  const target = phases.find((p) => p.id === phaseId);
  const mutation = useMutation({
    mutationFn: () =>
      moveMatch(match.id, { phaseId: phaseId!, outcome, comment: comment.trim() || undefined }),
    onSuccess: (moved) => {
      refresh(moved);
      setPhaseId(null);
      setOutcome(null);
      setComment("");
      onDone(t("matches.move.done", { phase: target?.label[locale] ?? "" }));
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (phaseId) mutation.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("matches.move.title")}
        </Title>
        <FormError error={mutation.error} />
        <Group align="flex-end" gap="sm" grow>
          <Select
            label={t("matches.move.phase")}
            searchable
            data={phases.map((p) => ({ value: p.id, label: p.label[locale] }))}
            value={phaseId}
            onChange={(value) => {
              setPhaseId(value);
              setOutcome(null);
            }}
            required
          />
          {target && target.outcomes.length > 0 && (
            <Select
              label={t("matches.outcome")}
              placeholder={t("matches.noOutcome")}
              clearable
              data={target.outcomes.map((o) => ({ value: o, label: t(`matches.outcomes.${o}`) }))}
              value={outcome}
              onChange={(value) => setOutcome(value as Outcome | null)}
            />
          )}
        </Group>
        <Textarea
          label={t("matches.comment")}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" disabled={!phaseId} loading={mutation.isPending}>
            {t("matches.move.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function History({ match }: { match: MatchDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = (id: string | null) =>
    id ? (match.procedure.phases.find((p) => p.id === id)?.label[locale] ?? "?") : t("matches.history.start");
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} striped>
        <Table.Caption c="dimmed">{t("matches.history.title")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("matches.history.when")}</Table.Th>
            <Table.Th scope="col">{t("matches.history.who")}</Table.Th>
            <Table.Th scope="col">{t("matches.history.step")}</Table.Th>
            <Table.Th scope="col">{t("matches.comment")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...match.history].reverse().map((step) => (
            <Table.Tr key={step.id} c={step.undone ? "dimmed" : undefined}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(step.at, locale)}</Table.Td>
              <Table.Td>{step.actor?.name ?? t("matches.history.system")}</Table.Td>
              <Table.Td td={step.undone ? "line-through" : undefined}>
                {step.fromPhaseId
                  ? `${label(step.fromPhaseId)} → ${label(step.toPhaseId)}`
                  : label(step.toPhaseId)}{" "}
                <OutcomeBadge outcome={step.outcome} />
                {step.undone && (
                  <Text size="xs" td="none">
                    {t("matches.history.undone", {
                      who: step.undone.by?.name ?? t("matches.history.system"),
                      when: formatDateTime(step.undone.at, locale),
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{step.comment}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Evaluations({ match, vacancyId }: { match: MatchDetail; vacancyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [verdict, setVerdict] = useState<EvaluationVerdict>("yes");
  const [comment, setComment] = useState("");
  const mutation = useMutation({
    mutationFn: () => evaluateMatch(match.id, { verdict, comment: comment.trim() }),
    onSuccess: () => {
      setComment("");
      void queryClient.invalidateQueries({ queryKey: matchKeys.detail(match.id) });
      void queryClient.invalidateQueries({ queryKey: matchKeys.ofVacancy(vacancyId) });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("matches.evaluations.title")}
      </Title>
      {match.evaluations.length === 0 ? (
        <Text c="dimmed">{t("matches.evaluations.none")}</Text>
      ) : (
        <List spacing={4}>
          {match.evaluations.map((e) => (
            <List.Item key={e.id}>
              <Text span fw={700}>
                {t(`matches.evaluations.verdicts.${e.verdict}`)}
              </Text>{" "}
              — {e.author?.name ?? t("matches.history.system")}, {formatDateTime(e.at, locale)}
              {e.comment && <Text size="sm">{e.comment}</Text>}
            </List.Item>
          ))}
        </List>
      )}
      {match.permissions.evaluate && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate();
          }}
        >
          <Stack gap="xs">
            <FormError error={mutation.error} />
            <SegmentedControl
              aria-label={t("matches.evaluations.verdict")}
              data={EVALUATION_VERDICTS.map((v) => ({
                value: v,
                label: t(`matches.evaluations.verdicts.${v}`),
              }))}
              value={verdict}
              onChange={(value) => setVerdict(value as EvaluationVerdict)}
            />
            <Textarea
              label={t("matches.evaluations.comment")}
              autosize
              minRows={2}
              maxLength={4000}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
            />
            <Group>
              <Button type="submit" variant="light" loading={mutation.isPending}>
                {t("matches.evaluations.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** Where the match stands, moving it on, undoing the last step, its history and verdicts. */
function MatchBody({ match, vacancyId }: { match: MatchDetail; vacancyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefresh(vacancyId);
  const [done, setDone] = useState<string | null>(null);
  const undo = useMutation({
    mutationFn: () => undoMatch(match.id),
    onSuccess: (undone) => {
      refresh(undone);
      setDone(t("matches.undo.done"));
    },
  });
  const phase = match.procedure.phases.find((p) => p.id === match.phaseId);
  return (
    <Stack gap="md">
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      <FormError error={undo.error} />
      <Group justify="space-between" align="flex-start">
        <Facts
          items={[
            [t("matches.phase"), phase?.label[locale]],
            [t("matches.since"), formatDateTime(match.phaseSince, locale)],
            [
              t("matches.outcome"),
              match.outcome || match.state !== "active" ? (
                <Group gap={4} key="o">
                  <OutcomeBadge outcome={match.outcome} />
                  <StateBadge state={match.state} />
                </Group>
              ) : null,
            ],
            [t("matches.motivation"), match.motivation],
          ]}
        />
        {match.permissions.undo && (
          <Button
            variant="outline"
            leftSection={<IconArrowBackUp aria-hidden="true" size={16} />}
            loading={undo.isPending}
            onClick={() => {
              setDone(null);
              undo.mutate();
            }}
          >
            {t("matches.undo.submit")}
          </Button>
        )}
      </Group>
      {match.state !== "active" && match.permissions.undo && (
        <Text c="dimmed">{t("matches.closedHint")}</Text>
      )}
      {match.permissions.moveTo.length > 0 && (
        <MoveForm match={match} vacancyId={vacancyId} onDone={setDone} />
      )}
      <History match={match} />
      <Evaluations match={match} vacancyId={vacancyId} />
      <MatchDocuments matchId={match.id} headingLevel={3} />
    </Stack>
  );
}

/** One match in a dialog over the vacancy page. */
export function MatchDialog({
  id,
  vacancyId,
  onClose,
}: {
  id: string;
  vacancyId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(matchQuery(id));
  return (
    <Dialog
      opened
      onClose={onClose}
      title={query.data?.candidate.name ?? t("matches.title")}
      closeLabel={t("admin.close")}
      size="xl"
    >
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Notice color="red">{errorText(query.error)}</Notice>
      ) : (
        <MatchBody match={query.data} vacancyId={vacancyId} />
      )}
    </Dialog>
  );
}
