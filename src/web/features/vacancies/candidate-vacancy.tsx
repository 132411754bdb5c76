import { Anchor, Button, FileInput, Group, Image, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { IconBookmark, IconBookmarkFilled, IconFileText, IconSend } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CSSProperties, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Application, CandidateVacancyDetail } from "../../../contracts/vacancies";
import { ApiError, api } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { savedVacanciesQuery } from "../candidates/candidates-api";
import { ApplicationTimelineRow } from "../forms/application-timeline";
import { ApplyStepper } from "../forms/apply-stepper";
import { applyFormQuery } from "../forms/forms-api";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { formatDate, formatDay, formatHours, formatSalary, formatScale } from "./format";
import { PageLoader, PlainBadge, Section } from "./ui";
import classes from "./vacancies.module.css";
import { applyToVacancy, candidateVacancyQuery, myApplicationsQuery } from "./vacancies-api";
import { useReferenceLabels } from "./vacancy-detail";
import { AttachmentList, MAX_FILE_BYTES } from "./vacancy-files";

const CV_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];
const CV_EXTENSIONS = /\.(pdf|docx)$/i;

function ApplyForm({
  vacancy,
  onDone,
  onCancel,
}: {
  vacancy: CandidateVacancyDetail;
  onDone: (application: Application) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [motivation, setMotivation] = useState("");
  const [cv, setCv] = useState<File | null>(null);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => applyToVacancy(vacancy.id, motivation.trim(), cv),
    onSuccess: async (application) => {
      await queryClient.invalidateQueries({ queryKey: ["kansen"] });
      void queryClient.invalidateQueries({ queryKey: myApplicationsQuery.queryKey });
      onDone(application);
    },
  });
  const cvProblem =
    cv === null
      ? undefined
      : !(CV_TYPES.includes(cv.type) || CV_EXTENSIONS.test(cv.name))
        ? t("kansen.apply.cvType")
        : cv.size > MAX_FILE_BYTES
          ? t("kansen.apply.cvTooBig")
          : undefined;
  const motivationMissing = attempted && motivation.trim() === "";

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (motivation.trim() === "" || cvProblem) return;
    mutation.mutate();
  }

  const serverFieldErrors = mutation.error instanceof ApiError && mutation.error.fields.length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text c="dimmed">{t("kansen.apply.intro", { title: vacancy.displayTitle })}</Text>
        {!serverFieldErrors && <FormError error={mutation.error} />}
        <Textarea
          label={t("kansen.apply.motivation")}
          description={t("kansen.apply.motivationHint")}
          required
          autosize
          minRows={6}
          maxLength={10_000}
          data-autofocus
          value={motivation}
          onChange={(event) => setMotivation(event.currentTarget.value)}
          error={
            fieldErrors(mutation.error, "motivation")[0] ??
            (motivationMissing ? t("kansen.apply.motivationRequired") : undefined)
          }
        />
        <FileInput
          label={t("kansen.apply.cv")}
          description={t("kansen.apply.cvHint")}
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          clearable
          clearButtonProps={{ "aria-label": t("kansen.apply.cvClear") }}
          leftSection={<IconFileText aria-hidden="true" size={18} />}
          placeholder={t("kansen.apply.cvPlaceholder")}
          // Mantine's placeholder grey is too pale for text that tells what to do.
          styles={{ input: { "--input-placeholder-color": "var(--mantine-color-dimmed)" } as CSSProperties }}
          value={cv}
          onChange={setCv}
          error={fieldErrors(mutation.error, "cv")[0] ?? cvProblem}
        />
        <Group gap="sm">
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconSend aria-hidden="true" size={16} />}
          >
            {t("kansen.apply.submit")}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t("identity.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Bewaren": keep the vacancy for later; it then shows on the dashboard. */
function SaveToggle({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useQuery(savedVacanciesQuery);
  const isSaved = saved.data?.some((s) => s.vacancyId === vacancyId) ?? false;
  const toggle = useMutation({
    mutationFn: () =>
      isSaved
        ? api(`/api/v1/candidates/me/saved-vacancies/${vacancyId}`, z.unknown(), { method: "DELETE" })
        : api(`/api/v1/candidates/me/saved-vacancies/${vacancyId}`, z.unknown(), { method: "PUT" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedVacanciesQuery.queryKey }),
  });
  if (saved.data === null) return null;
  return (
    <Button
      variant="light"
      aria-pressed={isSaved}
      leftSection={
        isSaved ? (
          <IconBookmarkFilled aria-hidden="true" size={16} />
        ) : (
          <IconBookmark aria-hidden="true" size={16} />
        )
      }
      loading={toggle.isPending}
      onClick={() => toggle.mutate()}
    >
      {isSaved ? t("kansen.saved") : t("kansen.save")}
    </Button>
  );
}

/** One vacancy as a candidate sees it, with "Reageren". */
export function CandidateVacancy({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const labels = useReferenceLabels();
  const query = useQuery(candidateVacancyQuery(id));
  // A vacancy with an application form is applied to in steps (forms feature), else by motivation and CV.
  const applyForm = useQuery({ ...applyFormQuery(id), retry: false });
  const withForm = applyForm.data?.form != null;
  const [applying, setApplying] = useState(false);
  const [sent, setSent] = useState(false);
  usePageTitle(query.data?.displayTitle ?? t("kansen.detailTitle"), "/kansen");

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const vacancy = query.data;

  return (
    <Stack gap="lg" maw={900} mx="auto">
      {sent && (
        <Notice color="green" status>
          {t("kansen.apply.sent")}
        </Notice>
      )}
      <Section
        title={t("kansen.about")}
        action={
          <Group gap="xs" wrap="nowrap">
            <SaveToggle vacancyId={vacancy.id} />
            {!vacancy.application && !applyForm.isPending && !(withForm && applying) && (
              <Button
                leftSection={<IconSend aria-hidden="true" size={16} />}
                onClick={() => setApplying(true)}
              >
                {withForm && applyForm.data?.draft ? t("forms.apply.resume") : t("kansen.apply.open")}
              </Button>
            )}
          </Group>
        }
      >
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fz="xl" fw={700}>
                {vacancy.displayTitle}
              </Text>
              <Text c="dimmed">{[vacancy.organisationName, vacancy.city].filter(Boolean).join(" · ")}</Text>
            </div>
            {vacancy.imageUrl && <Image src={vacancy.imageUrl} alt="" maw={120} radius="sm" />}
          </Group>
          {vacancy.application && (
            <Group gap="xs">
              <PlainBadge color="teal.9">{t("kansen.applied")}</PlainBadge>
              <Text>
                {t("kansen.appliedOn", { date: formatDate(vacancy.application.createdAt, locale) })}
              </Text>
              <Anchor component={AppLink} href="/sollicitaties">
                {t("kansen.toApplications")}
              </Anchor>
            </Group>
          )}
          <Facts
            items={[
              [t("vacancies.fields.functionTitle"), vacancy.functionTitle],
              [t("vacancies.fields.kind"), t(`vacancies.kind.${vacancy.kind}`)],
              [t("vacancies.fields.occupation"), vacancy.occupation?.label],
              [t("vacancies.fields.educationLevel"), labels.educationLevel(vacancy.educationLevel)],
              [t("vacancies.fields.hours"), formatHours(vacancy.hoursMin, vacancy.hoursMax, t)],
              [
                t("vacancies.fields.salaryScale"),
                formatScale(vacancy.salaryScaleMin, vacancy.salaryScaleMax, t),
              ],
              [t("vacancies.fields.salary"), formatSalary(vacancy.salaryMin, vacancy.salaryMax, locale, t)],
              [
                t("vacancies.fields.duration"),
                vacancy.durationKind === "temporary" && vacancy.durationEndsOn
                  ? t("vacancies.duration.temporaryUntil", {
                      date: formatDay(vacancy.durationEndsOn, locale),
                    })
                  : t(`vacancies.duration.${vacancy.durationKind}`),
              ],
              [t("vacancies.fields.positions"), String(vacancy.positions)],
              [t("vacancies.fields.closesOn"), vacancy.closesOn ? formatDay(vacancy.closesOn, locale) : null],
              [t("vacancies.fields.contact"), vacancy.contactName],
            ]}
          />
          <div>
            <Title order={3} size="h4" mb={4}>
              {t("vacancies.fields.description")}
            </Title>
            <Text className={classes.description}>{vacancy.description || "–"}</Text>
          </div>
          {vacancy.attachments.length > 0 && (
            <div>
              <Title order={3} size="h4" mb={4}>
                {t("vacancies.files.attachments")}
              </Title>
              <AttachmentList attachments={vacancy.attachments} />
            </div>
          )}
        </Stack>
      </Section>
      {withForm && applying && !vacancy.application && (
        <Section title={t("kansen.apply.title")}>
          <ApplyStepper
            vacancyId={vacancy.id}
            onDone={() => {
              setApplying(false);
              setSent(true);
            }}
            onCancel={() => setApplying(false)}
          />
        </Section>
      )}
      <Dialog
        opened={applying && !withForm}
        onClose={() => setApplying(false)}
        title={t("kansen.apply.title")}
        closeLabel={t("admin.close")}
        size="lg"
      >
        <ApplyForm
          vacancy={vacancy}
          onDone={() => {
            setApplying(false);
            setSent(true);
          }}
          onCancel={() => setApplying(false)}
        />
      </Dialog>
    </Stack>
  );
}

const APPLICATION_COLOR: Record<Application["status"], string> = {
  submitted: "blue.9",
  in_review: "violet.9",
  withdrawn: "gray.7",
  hired: "teal.9",
  rejected: "red.9",
};

/** "Mijn sollicitaties": where this candidate has responded, newest first. */
export function MyApplications() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const applications = useQuery(myApplicationsQuery);
  if (applications.isPending) return <PageLoader />;
  if (applications.isError) return <Notice color="red">{errorText(applications.error)}</Notice>;
  if (applications.data.length === 0) {
    return (
      <Stack gap="sm" maw={900} mx="auto">
        <Text>{t("applications.none")}</Text>
        <Anchor component={AppLink} href="/kansen">
          {t("applications.toKansen")}
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" maw={1000} mx="auto">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" striped bg="var(--mantine-color-body)">
          <Table.Caption c="dimmed">{t("applications.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("applications.vacancy")}</Table.Th>
              <Table.Th scope="col">{t("applications.organisation")}</Table.Th>
              <Table.Th scope="col">{t("applications.date")}</Table.Th>
              <Table.Th scope="col">{t("applications.status")}</Table.Th>
              <Table.Th scope="col">{t("forms.timeline.column")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {applications.data.map((application) => (
              <ApplicationTimelineRow key={application.id} application={application} columns={5}>
                <Table.Th scope="row">
                  <Anchor component={AppLink} href={`/kansen/${application.vacancyId}`} fw={700}>
                    {application.displayTitle}
                  </Anchor>
                </Table.Th>
                <Table.Td>{application.organisationName}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatDate(application.createdAt, locale)}
                </Table.Td>
                <Table.Td>
                  <PlainBadge color={APPLICATION_COLOR[application.status]}>
                    {t(`applications.statuses.${application.status}`)}
                  </PlainBadge>
                </Table.Td>
              </ApplicationTimelineRow>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
