import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconFileTypePdf, IconPlus, IconTable, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { numberFormat } from "../../../contracts/intl";
import type {
  ApplicantResult,
  ApprovalSummary,
  Outcome,
  SelectionOverview,
  SelectionPart,
  Verdict,
} from "../../../contracts/selection-results";
import { intlLocale } from "../../i18n";
import { DateField } from "../../ui/date-field";
import { formatDateTime, formatDay } from "../../ui/dates";
import { ScrollTable } from "../../ui/scroll-table";
import { FormError, fieldErrors, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, Section } from "../vacancies/ui";
import {
  askApproval,
  decideOutcome,
  reportUrl,
  saveParts,
  saveScore,
  selectionKeys,
  selectionQuery,
} from "./selection-results-api";

const OUTCOMES: readonly Outcome[] = ["passed", "reserve", "failed"];

export function useNumber() {
  const locale = useLocale();
  const format = numberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
  return (n: number | null) => (n === null ? "–" : format.format(n));
}

/**
 * "Beoordeling" of a vacancy's selection: the officer defines the parts, sees the jury's scores
 * side by side, decides per applicant, downloads the PV and asks approval; a jury member scores.
 */
export function SelectionPage({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const query = useQuery(selectionQuery(vacancyId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <FormError error={query.error} />;
  const data = query.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3">
          {data.vacancy.title}
        </Title>
        <Text c="dimmed" size="sm">
          {data.permissions.manage ? t("selectionResults.intro.officer") : t("selectionResults.intro.jury")}
        </Text>
      </div>
      <LockNotice data={data} />
      {data.permissions.manage && <ApprovalStatus approval={data.approval} />}
      {data.permissions.manage && <PartsEditor data={data} />}
      {data.permissions.score && <Scoring data={data} />}
      {data.permissions.manage && <SideBySide data={data} />}
      {data.permissions.manage && <ReportSection data={data} />}
    </Stack>
  );
}

function LockNotice({ data }: { data: SelectionOverview }) {
  const { t } = useTranslation();
  if (!data.permissions.locked) return null;
  return (
    <Notice color="orange" status>
      {t(`selectionResults.locked.${data.permissions.locked}`)}
    </Notice>
  );
}

/** Where the PV stands: waiting with X, approved, or rejected with the remarks. */
export function ApprovalStatus({ approval }: { approval: ApprovalSummary | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!approval) return null;
  const when = formatDateTime(approval.decidedAt ?? approval.requestedAt, intlLocale(locale));
  const text = t(`selectionResults.approval.status.${approval.status}`, {
    name: approval.approver.name,
    when,
  });
  if (approval.status === "rejected")
    return (
      <Notice color="red" title={text}>
        <Text size="sm">{t("selectionResults.approval.remarks")}</Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {approval.remarks}
        </Text>
      </Notice>
    );
  return (
    <Notice color={approval.status === "approved" ? "green" : "orange"} status>
      {text}
      {approval.remarks ? ` — ${approval.remarks}` : ""}
    </Notice>
  );
}

interface PartDraft {
  /** Stable across edits (new parts have no id yet). */
  key: string;
  id?: string;
  name: string;
  dates: { key: string; value: string }[];
  maxScore: number | string;
  scored: boolean;
}

const draftOf = (parts: SelectionPart[]): PartDraft[] =>
  parts.map((p) => ({
    key: p.id,
    id: p.id,
    name: p.name,
    dates: p.dates.map((value) => ({ key: `${p.id}-${value}`, value })),
    maxScore: p.maxScore,
    scored: p.scored,
  }));

/** Keys for parts and dates added on this screen. */
let added = 0;

function PartsEditor({ data }: { data: SelectionOverview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [parts, setParts] = useState<PartDraft[]>(draftOf(data.parts));
  const [saved, setSaved] = useState(false);
  const readOnly = data.permissions.locked !== null;
  const save = useMutation({
    mutationFn: () =>
      saveParts(data.vacancy.id, {
        parts: parts.map((p) => ({
          ...(p.id ? { id: p.id } : {}),
          name: p.name,
          dates: p.dates.map((d) => d.value).filter((d) => d !== ""),
          maxScore: typeof p.maxScore === "number" ? p.maxScore : Number.NaN,
        })),
      }),
    onSuccess: (overview) => {
      queryClient.setQueryData(selectionKeys.overview(data.vacancy.id), overview);
      setParts(draftOf(overview.parts));
      setSaved(true);
    },
  });
  const change = (i: number, patch: Partial<PartDraft>) =>
    setParts((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const error = save.error;
  return (
    <Section title={t("selectionResults.parts.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("selectionResults.parts.intro")}
          </Text>
          {saved && (
            <Notice color="green" status>
              {t("selectionResults.parts.saved")}
            </Notice>
          )}
          {error && <FormError error={error} />}
          {parts.length === 0 && <Text size="sm">{t("selectionResults.parts.none")}</Text>}
          {parts.map((part, i) => (
            <fieldset
              key={part.key}
              style={{
                border: "1px solid var(--mantine-color-default-border)",
                borderRadius: 8,
                padding: 12,
              }}
            >
              <legend>{t("selectionResults.parts.legend", { n: i + 1 })}</legend>
              <Stack gap="xs">
                <Group align="flex-end" wrap="wrap">
                  <TextInput
                    label={t("selectionResults.parts.name")}
                    value={part.name}
                    onChange={(e) => change(i, { name: e.currentTarget.value })}
                    error={fieldErrors(error, `parts.${i}.name`)[0]}
                    disabled={readOnly}
                    required
                    style={{ flex: 1, minWidth: 220 }}
                  />
                  <NumberInput
                    label={t("selectionResults.parts.maxScore")}
                    value={part.maxScore}
                    onChange={(value) => change(i, { maxScore: value })}
                    min={1}
                    max={1000}
                    allowDecimal={false}
                    error={fieldErrors(error, `parts.${i}.maxScore`)[0]}
                    disabled={readOnly}
                    required
                    w={140}
                  />
                  {!readOnly && (
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash aria-hidden="true" size={16} />}
                      disabled={part.scored}
                      onClick={() => setParts((all) => all.filter((_, j) => j !== i))}
                      aria-label={t("selectionResults.parts.removeNamed", { name: part.name || i + 1 })}
                    >
                      {t("selectionResults.parts.remove")}
                    </Button>
                  )}
                </Group>
                {part.scored && !readOnly && (
                  <Text size="xs" c="dimmed">
                    {t("selectionResults.parts.scoredHint")}
                  </Text>
                )}
                <Group align="flex-end" wrap="wrap">
                  {part.dates.map((date, d) => (
                    <Group key={date.key} gap={4} align="flex-end" wrap="nowrap">
                      <DateField
                        label={t("selectionResults.parts.date", { n: d + 1 })}
                        value={date.value}
                        onChange={(value) =>
                          change(i, { dates: part.dates.map((x, k) => (k === d ? { ...x, value } : x)) })
                        }
                        error={fieldErrors(error, `parts.${i}.dates.${d}`)[0]}
                        maw={170}
                      />
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          aria-label={t("selectionResults.parts.removeDate", { n: d + 1 })}
                          onClick={() => change(i, { dates: part.dates.filter((_, k) => k !== d) })}
                        >
                          <IconTrash aria-hidden="true" size={16} />
                        </ActionIcon>
                      )}
                    </Group>
                  ))}
                  {!readOnly && (
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus aria-hidden="true" size={14} />}
                      onClick={() =>
                        change(i, { dates: [...part.dates, { key: `new-${++added}`, value: "" }] })
                      }
                    >
                      {t("selectionResults.parts.addDate")}
                    </Button>
                  )}
                </Group>
              </Stack>
            </fieldset>
          ))}
          {!readOnly && (
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus aria-hidden="true" size={16} />}
                onClick={() =>
                  setParts((all) => [
                    ...all,
                    { key: `new-${++added}`, name: "", dates: [], maxScore: 20, scored: false },
                  ])
                }
              >
                {t("selectionResults.parts.add")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("selectionResults.parts.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}

/** A jury member's own scores: per part, per applicant a score, a verdict and a motivation. */
function Scoring({ data }: { data: SelectionOverview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (data.parts.length === 0)
    return (
      <Section title={t("selectionResults.scoring.title")}>
        <Text size="sm">{t("selectionResults.scoring.noParts")}</Text>
      </Section>
    );
  return (
    <>
      {data.parts.map((part) => (
        <Section key={part.id} title={t("selectionResults.scoring.partTitle", { name: part.name })}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t("selectionResults.scoring.partIntro", { max: part.maxScore })}
              {part.dates.length > 0 &&
                ` ${part.dates.map((d) => formatDay(d, intlLocale(locale))).join(", ")}`}
            </Text>
            {data.applicants.map((applicant) => (
              <ScoreForm
                key={applicant.matchId}
                vacancyId={data.vacancy.id}
                part={part}
                applicant={applicant}
                locked={data.permissions.locked !== null}
              />
            ))}
          </Stack>
        </Section>
      ))}
    </>
  );
}

function ScoreForm({
  vacancyId,
  part,
  applicant,
  locked,
}: {
  vacancyId: string;
  part: SelectionPart;
  applicant: ApplicantResult;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = applicant.results.find((r) => r.partId === part.id)?.scores[0];
  const [score, setScore] = useState<number | string>(mine?.score ?? "");
  const [verdict, setVerdict] = useState<string>(mine?.verdict ?? "");
  const [motivation, setMotivation] = useState(mine?.motivation ?? "");
  const [saved, setSaved] = useState(false);
  const decided = applicant.decision !== null;
  const readOnly = decided || locked;
  const save = useMutation({
    mutationFn: () =>
      saveScore(vacancyId, applicant.matchId, part.id, {
        score: typeof score === "number" ? score : null,
        verdict: verdict === "" ? null : (verdict as Verdict),
        motivation: motivation || null,
      }),
    onSuccess: (overview) => {
      queryClient.setQueryData(selectionKeys.overview(vacancyId), overview);
      setSaved(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const where = `${applicant.name}, ${part.name}`;
  return (
    <form onSubmit={submit} noValidate aria-label={t("selectionResults.scoring.formLabel", { where })}>
      <fieldset
        style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 8, padding: 12 }}
      >
        <legend>
          <Text fw={600} span>
            {applicant.name}
          </Text>{" "}
          {decided && (
            <Badge variant="light" color="gray">
              {applicant.phase.label}
            </Badge>
          )}
        </legend>
        <Stack gap="xs">
          {save.error && !(fieldErrors(save.error, "score").length > 0) && <FormError error={save.error} />}
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              label={t("selectionResults.scoring.score", { max: part.maxScore })}
              value={score}
              onChange={setScore}
              min={0}
              max={part.maxScore}
              decimalScale={2}
              decimalSeparator=","
              allowNegative={false}
              clampBehavior="none"
              error={fieldErrors(save.error, "score")[0]}
              disabled={readOnly}
              w={160}
            />
            <Radio.Group label={t("selectionResults.scoring.verdict")} value={verdict} onChange={setVerdict}>
              <Group gap="md" mt={8}>
                <Radio value="suitable" label={t("selectionResults.verdict.suitable")} disabled={readOnly} />
                <Radio
                  value="unsuitable"
                  label={t("selectionResults.verdict.unsuitable")}
                  disabled={readOnly}
                />
                <Radio value="" label={t("selectionResults.verdict.none")} disabled={readOnly} />
              </Group>
            </Radio.Group>
          </Group>
          <Textarea
            label={t("selectionResults.scoring.motivation")}
            value={motivation}
            onChange={(e) => setMotivation(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
            disabled={readOnly}
          />
          {saved && (
            <Notice color="green" status>
              {t("selectionResults.scoring.saved", { where })}
            </Notice>
          )}
          {!readOnly && (
            <Group>
              <Button
                type="submit"
                size="sm"
                loading={save.isPending}
                aria-label={t("selectionResults.scoring.saveNamed", { where })}
              >
                {t("selectionResults.scoring.save")}
              </Button>
            </Group>
          )}
          {decided && (
            <Text size="xs" c="dimmed">
              {t("selectionResults.scoring.decided")}
            </Text>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

const verdictText = (t: (key: string) => string, v: Verdict | null) =>
  v ? t(`selectionResults.verdict.${v}`) : "";

/** The officer's view: per part the jury's scores side by side with the mean; then the ranking. */
function SideBySide({ data }: { data: SelectionOverview }) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <Section title={t("selectionResults.sideBySide.title")}>
      <Stack gap="lg">
        {data.parts.length === 0 && <Text size="sm">{t("selectionResults.scoring.noParts")}</Text>}
        {data.parts.map((part) => (
          <ScrollTable
            key={part.id}
            label={t("selectionResults.sideBySide.region", { name: part.name })}
            minWidth={200 + 140 * (data.jury.length + 1)}
          >
            <Table striped withTableBorder>
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                <Text fw={600} span>
                  {t("selectionResults.sideBySide.caption", { name: part.name, max: part.maxScore })}
                </Text>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("selectionResults.applicant")}</Table.Th>
                  {data.jury.map((j) => (
                    <Table.Th scope="col" key={j.id}>
                      {j.name}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t("selectionResults.average")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.applicants.map((a) => {
                  const result = a.results.find((r) => r.partId === part.id);
                  return (
                    <Table.Tr key={a.matchId}>
                      <Table.Th scope="row">{a.name}</Table.Th>
                      {data.jury.map((j) => {
                        const s = result?.scores.find((x) => x.jury.id === j.id);
                        return (
                          <Table.Td key={j.id} title={s?.motivation ?? undefined}>
                            {s
                              ? [s.score === null ? "" : number(s.score), verdictText(t, s.verdict)]
                                  .filter(Boolean)
                                  .join(" · ")
                              : "–"}
                          </Table.Td>
                        );
                      })}
                      <Table.Td fw={600}>{number(result?.average ?? null)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ))}
        <Decisions data={data} />
      </Stack>
    </Section>
  );
}

function Decisions({ data }: { data: SelectionOverview }) {
  const { t } = useTranslation();
  const number = useNumber();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (input: { matchId: string; outcome: Outcome }) => decideOutcome(data.vacancy.id, input),
    onSuccess: (overview) => queryClient.setQueryData(selectionKeys.overview(data.vacancy.id), overview),
  });
  const ranked = [...data.applicants].sort(
    (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name),
  );
  const locked = data.permissions.locked !== null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t("selectionResults.decisions.title")}
      </Title>
      {decide.error && <FormError error={decide.error} />}
      <ScrollTable label={t("selectionResults.decisions.title")} minWidth={720}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("selectionResults.rank")}</Table.Th>
              <Table.Th scope="col">{t("selectionResults.applicant")}</Table.Th>
              <Table.Th scope="col">{t("selectionResults.total", { max: data.maxTotal })}</Table.Th>
              <Table.Th scope="col">{t("selectionResults.decision")}</Table.Th>
              {!locked && <Table.Th scope="col">{t("selectionResults.decisions.decide")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranked.map((a) => {
              const mayDecide =
                !locked && (a.decision === null || a.decision === "passed" || a.decision === "reserve");
              return (
                <Table.Tr key={a.matchId}>
                  <Table.Td>{a.rank ?? "–"}</Table.Td>
                  <Table.Th scope="row">{a.name}</Table.Th>
                  <Table.Td>{number(a.total)}</Table.Td>
                  <Table.Td>{a.decision ? a.phase.label : t("selectionResults.decisions.open")}</Table.Td>
                  {!locked && (
                    <Table.Td>
                      {mayDecide && (
                        <Group gap={4} wrap="nowrap">
                          {OUTCOMES.filter((o) => o !== a.decision).map((outcome) => (
                            <Button
                              key={outcome}
                              size="xs"
                              variant="default"
                              loading={
                                decide.isPending &&
                                decide.variables?.matchId === a.matchId &&
                                decide.variables.outcome === outcome
                              }
                              aria-label={t("selectionResults.decisions.namedOutcome", {
                                outcome: t(`selectionResults.outcome.${outcome}`),
                                name: a.name,
                              })}
                              onClick={() => decide.mutate({ matchId: a.matchId, outcome })}
                            >
                              {t(`selectionResults.outcome.${outcome}`)}
                            </Button>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** The PV: download it, and ask the vacancy's HR officer or leader to approve it. */
function ReportSection({ data }: { data: SelectionOverview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [approver, setApprover] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const ask = useMutation({
    mutationFn: () =>
      askApproval(data.vacancy.id, { approverUserId: approver ?? "", message: message || null }),
    onSuccess: (overview) => {
      queryClient.setQueryData(selectionKeys.overview(data.vacancy.id), overview);
      setMessage("");
    },
  });
  const mayAsk = data.permissions.locked === null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <Section title={t("selectionResults.report.title")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("selectionResults.report.intro")}
        </Text>
        <Group gap="md">
          <Anchor href={reportUrl(data.vacancy.id, "pdf", locale)} download>
            <Group gap={4} component="span">
              <IconFileTypePdf aria-hidden="true" size={18} />
              {t("selectionResults.report.pdf")}
            </Group>
          </Anchor>
          <Anchor href={reportUrl(data.vacancy.id, "xlsx", locale)} download>
            <Group gap={4} component="span">
              <IconTable aria-hidden="true" size={18} />
              {t("selectionResults.report.xlsx")}
            </Group>
          </Anchor>
        </Group>
        {mayAsk && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t("selectionResults.report.askTitle")}
              </Title>
              {data.approvers.length === 0 ? (
                <Text size="sm">{t("selectionResults.report.noApprovers")}</Text>
              ) : (
                <>
                  {ask.error && fieldErrors(ask.error, "approverUserId").length === 0 && (
                    <FormError error={ask.error} />
                  )}
                  <Select
                    label={t("selectionResults.report.approver")}
                    data={data.approvers.map((a) => ({
                      value: a.id,
                      label: `${a.name} (${t(`selectionResults.report.role.${a.role}`)})`,
                    }))}
                    value={approver}
                    onChange={setApprover}
                    error={fieldErrors(ask.error, "approverUserId")[0]}
                    required
                    maw={420}
                  />
                  <Textarea
                    label={t("selectionResults.report.message")}
                    value={message}
                    onChange={(e) => setMessage(e.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                  <Group>
                    <Button type="submit" loading={ask.isPending} disabled={!approver}>
                      {t("selectionResults.report.ask")}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
