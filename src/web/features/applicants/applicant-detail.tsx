import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowBackUp, IconDownload } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicantDetail, ApplicantField, TimelineItem } from "../../../contracts/applicants";
import { formatNationalRegisterNumber } from "../../../contracts/national-register";
import { AppLink } from "../../ui/app-link";
import { useBusyAction } from "../../ui/use-busy-action";
import { AnswersView } from "../forms/answers-view";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { useLabel } from "../referrals/ui";
import { formatDateTime } from "../vacancies/format";
import { PageLoader } from "../vacancies/ui";
import { addNote, applicantKeys, applicantQuery, correctField } from "./applicants-api";
import { StatusBadge } from "./mail-dialog";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <Stack component="dl" gap={4} m={0}>
      {items.map(([label, value]) => (
        <Group key={label} gap={6} wrap="wrap" align="baseline">
          <Text component="dt" size="sm" fw={700}>
            {label}:
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

const shownValue = (field: ApplicantField["field"], value: string | null) =>
  value === null ? "–" : field === "national_register_number" ? formatNationalRegisterNumber(value) : value;

function CorrectionField({
  vacancyId,
  matchId,
  field,
  editable,
}: {
  vacancyId: string;
  matchId: string;
  field: ApplicantField;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(field.corrected ? shownValue(field.field, field.value) : "");
  const { busy, error, run } = useBusyAction();
  const label = t(`applicants.fields.${field.field}`);
  return (
    <Stack gap={4}>
      {editable ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await correctField(vacancyId, matchId, { field: field.field, value: value.trim() || null });
              await queryClient.invalidateQueries({ queryKey: applicantKeys.ofVacancy(vacancyId) });
            });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={label}
              description={t("applicants.fields.original", {
                value: shownValue(field.field, field.original),
              })}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={fieldErrors(error, "value").join(" ") || undefined}
              maxLength={200}
              w={280}
            />
            <Button type="submit" variant="light" loading={busy}>
              {t("applicants.fields.save", { field: label })}
            </Button>
          </Group>
          {!fieldErrors(error, "value").length && <FormError error={error} />}
        </form>
      ) : (
        <Facts items={[[label, shownValue(field.field, field.value)]]} />
      )}
      {field.history.length > 0 && (
        <List size="xs" c="dimmed" aria-label={t("applicants.fields.history", { field: label })}>
          {field.history.map((h) => (
            <List.Item key={h.id}>
              {t("applicants.fields.change", {
                from: shownValue(field.field, h.oldValue),
                to: shownValue(field.field, h.newValue ?? field.original),
                by: h.by?.name ?? "–",
                at: formatDateTime(h.at, locale),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Notes({ applicant }: { applicant: ApplicantDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const { busy, error, run } = useBusyAction();
  return (
    <Section title={t("applicants.notes.title")}>
      <Text size="sm" c="dimmed">
        {t("applicants.notes.intro")}
      </Text>
      {applicant.permissions.note && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await addNote(applicant.vacancy.id, applicant.id, { text });
              setText("");
              await queryClient.invalidateQueries({
                queryKey: applicantKeys.ofVacancy(applicant.vacancy.id),
              });
            });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t("applicants.notes.new")}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
              required
              error={fieldErrors(error, "text").join(" ") || undefined}
            />
            <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
              {t("applicants.notes.add")}
            </Button>
          </Stack>
        </form>
      )}
      {applicant.notes.length === 0 ? (
        <Text size="sm">{t("applicants.notes.none")}</Text>
      ) : (
        <Stack gap="xs">
          {applicant.notes.map((n) => (
            <Card key={n.id} withBorder padding="xs" radius="sm">
              <Text size="xs" c="dimmed">
                {n.author?.name ?? "–"} · {formatDateTime(n.at, locale)}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {n.text}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const label = useLabel();
  switch (item.kind) {
    case "step":
      return (
        <>
          {item.fromPhase
            ? t("applicants.timeline.moved", {
                from: label(item.fromPhase.label),
                to: label(item.toPhase.label),
              })
            : t("applicants.timeline.started", { phase: label(item.toPhase.label) })}
          {item.undone ? ` (${t("applicants.timeline.undone")})` : ""}
          {item.comment ? ` – ${item.comment}` : ""}
        </>
      );
    case "note":
      return <>{t("applicants.timeline.note", { text: item.text })}</>;
    case "mail":
      return (
        <Group gap={6} component="span" wrap="wrap">
          <span>{t("applicants.timeline.mail", { subject: item.subject, to: item.to })}</span>
          <StatusBadge status={item.status} />
        </Group>
      );
    case "correction":
      return (
        <>
          {t("applicants.timeline.correction", {
            field: t(`applicants.fields.${item.field}`),
            value: shownValue(item.field, item.newValue),
          })}
        </>
      );
  }
}

function Timeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t("applicants.timeline.title")}>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`}>
            <Text size="xs" c="dimmed">
              {formatDateTime(item.at, locale)}
              {item.by ? ` · ${item.by.name}` : ""}
            </Text>
            <Text size="sm" component="div">
              <TimelineEntry item={item} />
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}

/** One applicant: profile, contact details, CV, form answers, corrected fields, notes, timeline. */
export function ApplicantDetailPage({ vacancyId, matchId }: { vacancyId: string; matchId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const query = useQuery(applicantQuery(vacancyId, matchId));
  const back = (
    <Button
      component={AppLink}
      href={`/vacaturebeheer/${vacancyId}/sollicitanten`}
      variant="subtle"
      leftSection={<IconArrowBackUp aria-hidden="true" size={16} />}
      style={{ alignSelf: "flex-start" }}
    >
      {t("applicants.backToList")}
    </Button>
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Stack gap="md">
        <Notice color="red">{errorText(query.error)}</Notice>
        {back}
      </Stack>
    );
  const a = query.data.applicant;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {a.vacancy.title}
        </Text>
        <Group gap="sm">
          <Title order={2} fz="h3">
            {a.firstName} {a.lastName}
          </Title>
          <Badge variant="light" color="gray.8" tt="none">
            {label(a.phase.label)}
          </Badge>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("applicants.detail.profile")}>
          <Facts
            items={[
              [t("applicants.detail.headline"), a.profile.headline || "–"],
              [t("applicants.detail.city"), a.profile.city ?? "–"],
              [t("applicants.detail.education"), a.profile.educationLevel ?? "–"],
              [
                t("applicants.detail.source"),
                `${t(`applicants.source.${a.source}`)}${a.channel ? ` · ${a.channel}` : ""}`,
              ],
              [t("applicants.detail.language"), t(`applicants.mail.language.${a.profile.locale}`)],
            ]}
          />
          {a.profile.experience.length > 0 && (
            <List size="sm" aria-label={t("applicants.detail.experience")}>
              {a.profile.experience.map((e) => (
                <List.Item key={`${e.title}:${e.employer ?? ""}`}>
                  {e.employer ? `${e.title} – ${e.employer}` : e.title}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t("applicants.detail.contact")}>
          <Facts
            items={[
              [
                t("applicants.columns.email"),
                a.contact.email ? (
                  <Anchor key="email" href={`mailto:${a.contact.email}`}>
                    {a.contact.email}
                  </Anchor>
                ) : (
                  "–"
                ),
              ],
              [t("applicants.detail.phone"), a.contact.phone ?? "–"],
            ]}
          />
          {a.cv ? (
            <Button
              component="a"
              href={a.cv.url}
              variant="light"
              leftSection={<IconDownload aria-hidden="true" size={16} />}
              style={{ alignSelf: "flex-start" }}
            >
              {t("applicants.detail.cv", { file: a.cv.fileName })}
            </Button>
          ) : (
            <Text size="sm">{t("applicants.detail.noCv")}</Text>
          )}
        </Section>
      </SimpleGrid>
      <Section title={t("applicants.detail.application")}>
        <Text size="sm" fw={700}>
          {t("applicants.detail.motivation")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {a.motivation || "–"}
        </Text>
        <Text size="sm" fw={700}>
          {t("applicants.detail.answers")}
        </Text>
        {a.answers === null ? (
          <Text size="sm" c="dimmed">
            {t("applicants.detail.noAnswers")}
          </Text>
        ) : (
          <AnswersView
            definition={a.answers.definition}
            answers={a.answers.answers}
            files={a.answers.files}
          />
        )}
      </Section>
      <Section title={t("applicants.fields.title")}>
        <Text size="sm" c="dimmed">
          {t("applicants.fields.intro")}
        </Text>
        {a.fields.map((f) => (
          <CorrectionField
            key={`${f.field}:${f.history[0]?.id ?? ""}`}
            vacancyId={vacancyId}
            matchId={matchId}
            field={f}
            editable={a.permissions.correct}
          />
        ))}
      </Section>
      <Notes applicant={a} />
      <Timeline items={a.timeline} />
      {back}
    </Stack>
  );
}
