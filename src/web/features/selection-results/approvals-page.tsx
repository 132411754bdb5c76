import { Anchor, Badge, Button, Group, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { IconFileTypePdf, IconTable } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApprovalDetail, ApprovalStatus as Status } from "../../../contracts/selection-results";
import { intlLocale } from "../../i18n";
import { AppLink } from "../../ui/app-link";
import { formatDateTime, formatDay } from "../../ui/dates";
import { Facts } from "../../ui/facts";
import { ScrollTable } from "../../ui/scroll-table";
import { FormError, fieldErrors, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, Section } from "../vacancies/ui";
import { useNumber } from "./selection-page";
import {
  approvalQuery,
  approvalReportUrl,
  approvalsQuery,
  decideApproval,
  selectionKeys,
} from "./selection-results-api";

const STATUS_COLOR: Record<Status, string> = { pending: "orange", approved: "green", rejected: "red" };

function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      styles={{ label: { color: "var(--mantine-color-text)" } }}
    >
      {t(`selectionResults.approvals.status.${status}`)}
    </Badge>
  );
}

/** "Vacatures goedkeuren": the PV approval requests sent to me, waiting ones first. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useQuery(approvalsQuery);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <FormError error={list.error} />;
  return (
    <Stack gap="md">
      <Text>{t("selectionResults.approvals.intro")}</Text>
      {list.data.items.length === 0 ? (
        <Text c="dimmed">{t("selectionResults.approvals.none")}</Text>
      ) : (
        <ScrollTable label={t("selectionResults.approvals.tableLabel")} minWidth={760}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("selectionResults.approvals.vacancy")}</Table.Th>
                <Table.Th scope="col">{t("selectionResults.approvals.requestedBy")}</Table.Th>
                <Table.Th scope="col">{t("selectionResults.approvals.requestedAt")}</Table.Th>
                <Table.Th scope="col">{t("selectionResults.approvals.statusHeader")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row">
                    <Anchor component={AppLink} href={`/vacatures-goedkeuren/${item.id}`}>
                      {item.vacancy.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.vacancy.organisation}
                    </Text>
                  </Table.Th>
                  <Table.Td>{item.requestedBy.name}</Table.Td>
                  <Table.Td>{formatDateTime(item.requestedAt, intlLocale(locale))}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** One request: the PV as sent, to read or download, and the decision with remarks. */
export function ApprovalPage({ approvalId }: { approvalId: string }) {
  const query = useQuery(approvalQuery(approvalId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <FormError error={query.error} />;
  return <ApprovalView detail={query.data} />;
}

function ApprovalView({ detail }: { detail: ApprovalDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumber();
  const report = detail.report;
  const tag = intlLocale(locale);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            {report.vacancy.title}
          </Title>
          <Text size="sm" c="dimmed">
            {report.vacancy.organisation}
          </Text>
        </div>
        <StatusBadge status={detail.status} />
      </Group>
      <Facts
        items={[
          [t("selectionResults.approvals.requestedBy"), detail.requestedBy.name],
          [t("selectionResults.approvals.requestedAt"), formatDateTime(detail.requestedAt, tag)],
          ...(detail.message
            ? ([[t("selectionResults.approvals.message"), detail.message]] as [string, string][])
            : []),
          [t("selectionResults.report.jury"), report.jury.map((j) => j.name).join(", ")],
          [
            t("selectionResults.parts.title"),
            report.parts
              .map(
                (p) =>
                  `${p.name} (${t("selectionResults.report.max", { max: p.maxScore })}${
                    p.dates.length > 0 ? `; ${p.dates.map((d) => formatDay(d, tag)).join(", ")}` : ""
                  })`,
              )
              .join(" · "),
          ],
        ]}
      />
      <Section title={t("selectionResults.approvals.pvTitle")}>
        <Stack gap="md">
          <Group gap="md">
            <Anchor href={approvalReportUrl(detail.id, "pdf", locale)} download>
              <Group gap={4} component="span">
                <IconFileTypePdf aria-hidden="true" size={18} />
                {t("selectionResults.report.pdf")}
              </Group>
            </Anchor>
            <Anchor href={approvalReportUrl(detail.id, "xlsx", locale)} download>
              <Group gap={4} component="span">
                <IconTable aria-hidden="true" size={18} />
                {t("selectionResults.report.xlsx")}
              </Group>
            </Anchor>
          </Group>
          <ScrollTable
            label={t("selectionResults.approvals.resultsTable")}
            minWidth={300 + 150 * (report.parts.length + 2)}
          >
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("selectionResults.rank")}</Table.Th>
                  <Table.Th scope="col">{t("selectionResults.applicant")}</Table.Th>
                  {report.parts.map((p) => (
                    <Table.Th scope="col" key={p.id}>
                      {t("selectionResults.approvals.partAverage", { name: p.name, max: p.maxScore })}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t("selectionResults.total", { max: report.maxTotal })}</Table.Th>
                  <Table.Th scope="col">{t("selectionResults.decision")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.applicants.map((a) => (
                  <Table.Tr key={a.matchId}>
                    <Table.Td>{a.rank ?? "–"}</Table.Td>
                    <Table.Th scope="row">{a.name}</Table.Th>
                    {report.parts.map((p) => (
                      <Table.Td key={p.id}>
                        {number(a.results.find((r) => r.partId === p.id)?.average ?? null)}
                      </Table.Td>
                    ))}
                    <Table.Td>{number(a.total)}</Table.Td>
                    <Table.Td>
                      {a.decision ? a.phase.label[locale] : t("selectionResults.decisions.open")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Section>
      {detail.mayDecide ? (
        <DecisionForm id={detail.id} />
      ) : (
        detail.status !== "pending" && (
          <Notice color={detail.status === "approved" ? "green" : "red"} status>
            {t(`selectionResults.approvals.decided.${detail.status}`, {
              when: detail.decidedAt ? formatDateTime(detail.decidedAt, tag) : "",
            })}
            {detail.remarks ? ` — ${detail.remarks}` : ""}
          </Notice>
        )
      )}
    </Stack>
  );
}

function DecisionForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [remarks, setRemarks] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approved" | "rejected") =>
      decideApproval(id, { decision, remarks: remarks || null }),
    onSuccess: (detail) => {
      queryClient.setQueryData(selectionKeys.approval(id), detail);
      void queryClient.invalidateQueries({ queryKey: selectionKeys.approvals });
    },
  });
  return (
    <Section title={t("selectionResults.approvals.decideTitle")}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("selectionResults.approvals.decideIntro")}
        </Text>
        {decide.error && fieldErrors(decide.error, "remarks").length === 0 && (
          <FormError error={decide.error} />
        )}
        <Textarea
          label={t("selectionResults.approvals.remarks")}
          value={remarks}
          onChange={(e) => setRemarks(e.currentTarget.value)}
          error={fieldErrors(decide.error, "remarks")[0]}
          autosize
          minRows={3}
          maxLength={4000}
        />
        <Group>
          <Button
            loading={decide.isPending && decide.variables === "approved"}
            onClick={() => decide.mutate("approved")}
          >
            {t("selectionResults.approvals.approve")}
          </Button>
          <Button
            color="red"
            variant="light"
            loading={decide.isPending && decide.variables === "rejected"}
            onClick={() => decide.mutate("rejected")}
          >
            {t("selectionResults.approvals.reject")}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
