import {
  Anchor,
  Badge,
  Button,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProposedCandidate, ProposedCandidateDetail } from "../../../contracts/matches";
import { ApiError } from "../../api";
import { NotFoundPage } from "../../routes/not-found";
import { AppLink } from "../../ui/app-link";
import { meQuery } from "../account/me-query";
import { StaffProfileContent } from "../candidates/staff-profile";
import { MatchDocuments } from "../documents/match-documents";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { formatDate, formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import { giveVerdict, myProposalsQuery, proposalKeys, proposalQuery } from "./proposals-api";

/** Contact persons only; a visitor signs in first and comes back. */
function RequireContact({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  if (!me.data.roles.includes("employer_contact"))
    return <Notice color="orange">{t("proposals.onlyContacts")}</Notice>;
  return <>{children}</>;
}

function StatusBadge({ item }: { item: ProposedCandidate }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (item.status === "waiting")
    return (
      <Badge color="indigo.9" variant="filled">
        {t("proposals.status.waiting")}
      </Badge>
    );
  return (
    <Group gap={4}>
      <Badge color="teal.9" variant="filled">
        {t("proposals.status.approved")}
      </Badge>
      <Text size="sm">{item.phase.label[locale]}</Text>
    </Group>
  );
}

function ProposedList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const query = useQuery(myProposalsQuery);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const waiting = query.data.filter((p) => p.status === "waiting").length;
  return (
    <Section title={t("proposals.list.title")}>
      <Stack gap="sm">
        <Text>{t("proposals.list.waiting", { count: waiting })}</Text>
        {query.data.length === 0 ? (
          <Text c="dimmed">{t("proposals.list.none")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("proposals.list.candidate")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.list.vacancy")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.list.proposedBy")}</Table.Th>
                  <Table.Th scope="col">{t("proposals.list.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.map((p) => (
                  <Table.Tr key={p.matchId}>
                    <Table.Td>
                      <Anchor component={AppLink} href={`/voorgesteld/${p.matchId}`} fw={600}>
                        {p.candidate.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.vacancy.displayTitle}</Table.Td>
                    <Table.Td>
                      {p.proposedBy?.name ?? "-"}
                      <Text size="sm" c="dimmed">
                        <time dateTime={p.proposedAt}>{formatDate(p.proposedAt, locale)}</time>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge item={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}

/** "Voorgesteld": the candidates proposed to this contact person. */
export function ProposedPage() {
  return (
    <RequireContact path="/voorgesteld">
      <ProposedList />
    </RequireContact>
  );
}

/** "Goedkeuren" / "Afwijzen" with a comment (required on reject), as one small form. */
function VerdictForm({ proposal }: { proposal: ProposedCandidateDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<"approve" | "reject" | "">("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<{ decision?: string; comment?: string }>({});
  const mutation = useMutation({
    mutationFn: () => giveVerdict(proposal.matchId, { decision: decision || "approve", comment }),
    onSuccess: (result) => {
      // The page keeps showing the candidate with the verdict (a rejected one leaves the list,
      // and reading it again would answer 404).
      queryClient.setQueryData(proposalKeys.detail(proposal.matchId), {
        ...proposal,
        mayDecide: false,
        status: result.decision === "approved" ? ("approved" as const) : proposal.status,
        phase: result.phase,
        decision: { decision: result.decision, comment: comment.trim(), at: new Date().toISOString() },
      });
      return queryClient.invalidateQueries({ queryKey: proposalKeys.mine });
    },
  });
  return (
    <Section title={t("proposals.verdict.title")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const next: typeof errors = {};
          if (!decision) next.decision = t("proposals.verdict.chooseDecision");
          if (decision === "reject" && !comment.trim()) next.comment = t("proposals.verdict.commentRequired");
          setErrors(next);
          if (Object.keys(next).length === 0) mutation.mutate();
        }}
      >
        <Stack gap="md">
          <Radio.Group
            label={t("proposals.verdict.decision")}
            value={decision}
            onChange={(value) => {
              setDecision(value === "approve" || value === "reject" ? value : "");
              setErrors({});
            }}
            error={errors.decision}
            withAsterisk
          >
            <Group mt={6}>
              <Radio value="approve" label={t("proposals.verdict.approve")} />
              <Radio value="reject" label={t("proposals.verdict.reject")} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t("proposals.verdict.comment")}
            description={t("proposals.verdict.commentHelp")}
            withAsterisk={decision === "reject"}
            autosize
            minRows={3}
            maxLength={4000}
            value={comment}
            error={errors.comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <FormError error={mutation.error} />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t("proposals.verdict.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function ProposedDetail({ matchId }: { matchId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const query = useQuery(proposalQuery(matchId));
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  usePageTitle(
    notFound ? t("notFound.title") : (query.data?.candidate.name ?? t("proposals.detail.title")),
    "/voorgesteld",
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return notFound ? <NotFoundPage /> : <Notice color="red">{errorText(query.error)}</Notice>;
  const p = query.data;
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Section title={t("proposals.detail.proposal")}>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {p.candidate.name}
          </Title>
          <Text>{t("proposals.detail.forVacancy", { title: p.vacancy.displayTitle })}</Text>
          <Text size="sm" c="dimmed">
            {t("proposals.proposedBy", {
              name: p.proposedBy?.name ?? "-",
              date: formatDate(p.proposedAt, locale),
            })}
          </Text>
          <StatusBadge item={p} />
          {p.note && (
            <Text style={{ whiteSpace: "pre-line" }}>
              <VisuallyHidden>{t("proposals.detail.note")}: </VisuallyHidden>“{p.note}”
            </Text>
          )}
          {p.cv && (
            <Anchor href={p.cv.url} download={p.cv.fileName} style={{ alignSelf: "flex-start" }}>
              {t("proposals.detail.cv", { name: p.cv.fileName })}
            </Anchor>
          )}
          {p.motivation && (
            <div>
              <Text fw={600}>{t("proposals.detail.motivation")}</Text>
              <Text style={{ whiteSpace: "pre-line" }}>{p.motivation}</Text>
            </div>
          )}
        </Stack>
      </Section>
      {p.mayDecide && <VerdictForm proposal={p} />}
      {p.decision && (
        <Notice color={p.decision.decision === "approved" ? "green" : "orange"} status>
          {p.decision.decision === "approved"
            ? t("proposals.verdict.youApproved")
            : t("proposals.verdict.youRejected")}
          {p.decision.comment ? ` “${p.decision.comment}”` : ""}
        </Notice>
      )}
      {p.history.length > 0 && (
        <Section title={t("proposals.detail.history")}>
          <Stack gap={4} component="ol" style={{ listStyle: "none", paddingInlineStart: 0, margin: 0 }}>
            {p.history.map((h) => (
              <li key={h.at}>
                <Text size="sm">
                  <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> · {h.phase.label[locale]}
                  {h.comment ? ` · “${h.comment}”` : ""}
                </Text>
              </li>
            ))}
          </Stack>
        </Section>
      )}
      {/* The documents of types the team shows contacts; they upload such types here too. */}
      <MatchDocuments matchId={matchId} />
      {p.profile ? (
        <StaffProfileContent candidate={p.profile} />
      ) : (
        <Text c="dimmed">{t("proposals.detail.noProfile")}</Text>
      )}
    </Stack>
  );
}

/** One proposed candidate, with the verdict form while it waits. */
export function ProposedCandidatePage({ matchId }: { matchId: string }) {
  return (
    <RequireContact path={`/voorgesteld/${matchId}`}>
      <ProposedDetail key={matchId} matchId={matchId} />
    </RequireContact>
  );
}
