import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApplicantSummary,
  type MAIL_DELIVERY_STATUSES,
  type MailApplicantsRequest,
  type MailPreview,
  MERGE_FIELDS,
} from "../../../contracts/applicants";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { PageLoader } from "../vacancies/ui";
import { mailingQuery, previewMail, sendMail, templatesQuery } from "./applicants-api";

/** Dark shades that keep white text at 4.5:1 and more in both schemes (as the referral badges). */
const STATUS_COLOR: Record<(typeof MAIL_DELIVERY_STATUSES)[number], string> = {
  sending: "gray.7",
  sent: "#1e6b30",
  failed: "#b02525",
};

/** The merge fields and what each becomes, for the template form and the mail dialog. */
export function MergeFieldHelp() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="sm" fw={700}>
        {t("applicants.merge.title")}
      </Text>
      <Text size="sm" c="dimmed">
        {t("applicants.merge.intro")}
      </Text>
      <List size="sm" mt={4}>
        {MERGE_FIELDS.map((f) => (
          <List.Item key={f}>
            <Text span ff="monospace" size="sm">{`{{${f}}}`}</Text> – {t(`applicants.merge.fields.${f}`)}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

export function StatusBadge({ status }: { status: (typeof MAIL_DELIVERY_STATUSES)[number] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" tt="none">
      {t(`applicants.mail.status.${status}`)}
    </Badge>
  );
}

function Sent({ vacancyId, mailingId }: { vacancyId: string; mailingId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mailing = useQuery(mailingQuery(vacancyId, mailingId));
  if (mailing.isPending) return <PageLoader />;
  if (mailing.isError) return <Notice color="red">{errorText(mailing.error)}</Notice>;
  const { recipients } = mailing.data.mailing;
  return (
    <Stack gap="sm">
      <Notice color="green" status>
        {t("applicants.mail.sent", { count: recipients.length })}
      </Notice>
      <Table fz="sm" verticalSpacing="xs" aria-live="polite">
        <Table.Caption c="dimmed">{t("applicants.mail.statusCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("applicants.columns.name")}</Table.Th>
            <Table.Th scope="col">{t("applicants.columns.email")}</Table.Th>
            <Table.Th scope="col">{t("applicants.mail.statusColumn")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recipients.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={400}>
                {r.name}
              </Table.Th>
              <Table.Td>{r.to}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Preview({ previews }: { previews: MailPreview[] }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const shown = previews[Math.min(index, previews.length - 1)];
  if (!shown) return null;
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t("applicants.mail.previewFor")}
        value={String(index)}
        onChange={(event) => setIndex(Number(event.currentTarget.value))}
        data={previews.map((p, i) => ({
          value: String(i),
          label: `${p.name} (${t(`applicants.mail.language.${p.locale}`)})`,
        }))}
      />
      <Card withBorder padding="sm" radius="md" component="section" aria-label={t("applicants.mail.preview")}>
        <Stack gap={4}>
          <Text size="sm">
            <Text span fw={700}>
              {t("applicants.mail.to")}:
            </Text>{" "}
            {shown.to ?? t("applicants.mail.noAddress")}
          </Text>
          <Text size="sm">
            <Text span fw={700}>
              {t("applicants.mail.subject")}:
            </Text>{" "}
            {shown.subject}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mt="xs">
            {shown.body}
          </Text>
        </Stack>
      </Card>
      {previews.some((p) => !p.to) && (
        <Notice color="orange">{t("applicants.mail.someWithoutAddress")}</Notice>
      )}
    </Stack>
  );
}

/** Every field message of a refused request (an unknown merge field, an applicant without address). */
export function FieldMessages({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  return (
    <List size="sm">
      {error.fields.map((f) => (
        <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
      ))}
    </List>
  );
}

/** "Mailen": a template or one's own text, a preview per recipient, sending, then each one's status. */
export function MailDialog({
  vacancyId,
  selected,
  onClose,
}: {
  vacancyId: string;
  selected: ApplicantSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const templates = useQuery(templatesQuery);
  const [mode, setMode] = useState<"template" | "own">("template");
  const [templateId, setTemplateId] = useState("");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [previews, setPreviews] = useState<MailPreview[] | null>(null);
  const [mailingId, setMailingId] = useState<string | null>(null);
  const { busy, error, run, setError } = useBusyAction();
  const list = templates.data?.templates ?? [];
  const chosenTemplate = templateId || list[0]?.id || "";
  const request = (): MailApplicantsRequest => ({
    matchIds: selected.map((s) => s.id),
    ...(mode === "template" ? { templateId: chosenTemplate } : { message: { subject, body } }),
  });
  const fieldError = (path: string) => fieldErrors(error, path).join(" ") || undefined;

  return (
    <Dialog
      opened
      onClose={onClose}
      size="lg"
      title={t("applicants.mail.title", { count: selected.length })}
      closeLabel={t("applicants.close")}
    >
      {mailingId ? (
        <Stack gap="md">
          <Sent vacancyId={vacancyId} mailingId={mailingId} />
          <Button onClick={onClose} style={{ alignSelf: "flex-start" }}>
            {t("applicants.close")}
          </Button>
        </Stack>
      ) : previews ? (
        <Stack gap="md">
          <FormError error={error} />
          <FieldMessages error={error} />
          <Preview previews={previews} />
          <Group gap="sm">
            <Button
              loading={busy}
              onClick={() =>
                void run(async () => {
                  const sent = await sendMail(vacancyId, request());
                  setMailingId(sent.mailing.id);
                })
              }
            >
              {t("applicants.mail.send", { count: selected.length })}
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                setPreviews(null);
                setError(null);
              }}
            >
              {t("applicants.mail.back")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              setPreviews((await previewMail(vacancyId, request())).previews);
            });
          }}
        >
          <Stack gap="md">
            <FormError error={error} />
            {mode === "template" && <FieldMessages error={error} />}
            <Text size="sm">{selected.map((s) => `${s.firstName} ${s.lastName}`).join(", ")}</Text>
            <SegmentedControl
              aria-label={t("applicants.mail.mode")}
              value={mode}
              onChange={(value) => setMode(value === "own" ? "own" : "template")}
              data={[
                { value: "template", label: t("applicants.mail.useTemplate") },
                { value: "own", label: t("applicants.mail.writeOwn") },
              ]}
              style={{ alignSelf: "flex-start" }}
            />
            {mode === "template" ? (
              templates.isPending ? (
                <PageLoader />
              ) : list.length === 0 ? (
                <Text size="sm">
                  {t("applicants.mail.noTemplates")}{" "}
                  <Anchor component={AppLink} href="/sjablonen/mails">
                    {t("applicants.templates.title")}
                  </Anchor>
                </Text>
              ) : (
                <NativeSelect
                  label={t("applicants.mail.template")}
                  value={chosenTemplate}
                  onChange={(event) => setTemplateId(event.currentTarget.value)}
                  data={list.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
                  data-autofocus
                />
              )
            ) : (
              <>
                <TextInput
                  label={t("applicants.mail.subject")}
                  value={subject}
                  onChange={(event) => setSubject(event.currentTarget.value)}
                  required
                  maxLength={200}
                  error={fieldError("message.subject")}
                />
                <Textarea
                  label={t("applicants.mail.body")}
                  value={body}
                  onChange={(event) => setBody(event.currentTarget.value)}
                  required
                  autosize
                  minRows={6}
                  error={fieldError("message.body")}
                />
                <MergeFieldHelp />
              </>
            )}
            <Group gap="sm">
              <Button type="submit" loading={busy} disabled={mode === "template" && list.length === 0}>
                {t("applicants.mail.previewButton")}
              </Button>
              <Button variant="subtle" onClick={onClose}>
                {t("applicants.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
