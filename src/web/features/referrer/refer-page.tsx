import { Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { IconMapPin, IconShare, IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReferrableVacancy } from "../../../contracts/referrals";
import { Dialog } from "../../ui/dialog";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDay } from "../vacancies/format";
import { PageLoader } from "../vacancies/ui";
import { referPerson, referrableVacanciesQuery, referrerKeys } from "./referrer-api";

/** "Verwijzen": the open vacancies of the referrer's organisation, to share or to refer someone to. */
export function ReferPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useQuery(referrableVacanciesQuery);
  const [done, setDone] = useState<string | null>(null);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <Notice color="red">{errorText(list.error)}</Notice>;
  return (
    <Stack gap="md" maw={720} mx="auto">
      <Text c="dimmed">{t("referrer.refer.intro")}</Text>
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      {list.data.length === 0 ? (
        <Text>{t("referrer.refer.none")}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {list.data.map((vacancy) => (
            <li key={vacancy.id}>
              <VacancyCard vacancy={vacancy} onReferred={setDone} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function VacancyCard({
  vacancy,
  onReferred,
}: {
  vacancy: ReferrableVacancy;
  onReferred: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const place = [vacancy.site?.name, vacancy.city].filter(Boolean).join(", ");
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {vacancy.title}
        </Title>
        {place && (
          <Group gap={4} wrap="nowrap">
            <IconMapPin size={16} aria-hidden />
            <Text size="sm">{place}</Text>
          </Group>
        )}
        <Group gap="xs">
          {vacancy.closesOn && (
            <Text size="sm" c="dimmed">
              {t("referrer.refer.closesOn", { date: formatDay(vacancy.closesOn, locale) })}
            </Text>
          )}
          {vacancy.referredByMe > 0 && (
            <Badge variant="light" color="blue">
              {t("referrer.refer.referredByMe", { count: vacancy.referredByMe })}
            </Badge>
          )}
        </Group>
        <Group gap="sm" mt="xs" grow preventGrowOverflow={false}>
          <ShareButton vacancy={vacancy} />
          <Button
            leftSection={<IconUserPlus size={18} aria-hidden />}
            onClick={() => setOpen(true)}
            aria-label={t("referrer.refer.referFor", { title: vacancy.title })}
          >
            {t("referrer.refer.refer")}
          </Button>
        </Group>
      </Stack>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("referrer.form.title", { title: vacancy.title })}
        closeLabel={t("referrer.form.close")}
      >
        <ReferForm
          vacancy={vacancy}
          onCancel={() => setOpen(false)}
          onDone={(name) => {
            setOpen(false);
            onReferred(t("referrer.form.done", { name, title: vacancy.title }));
          }}
        />
      </Dialog>
    </Card>
  );
}

/** "Deel link": the phone's share sheet where there is one, else the link on the clipboard. */
function ShareButton({ vacancy }: { vacancy: ReferrableVacancy }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  async function share() {
    setStatus(null);
    const data = {
      title: vacancy.title,
      text: t("referrer.refer.shareText", { title: vacancy.title }),
      url: vacancy.shareUrl,
    };
    if (typeof navigator.share === "function" && (!navigator.canShare || navigator.canShare(data))) {
      try {
        await navigator.share(data);
        return;
      } catch (error) {
        // The person closed the share sheet: nothing to say.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(vacancy.shareUrl);
      setStatus(t("referrer.refer.copied"));
    } catch {
      setStatus(t("referrer.refer.copyFailed", { url: vacancy.shareUrl }));
    }
  }
  return (
    <Stack gap={4}>
      <Button
        variant="light"
        leftSection={<IconShare size={18} aria-hidden />}
        onClick={() => void share()}
        aria-label={t("referrer.refer.shareFor", { title: vacancy.title })}
      >
        {t("referrer.refer.share")}
      </Button>
      <Text size="sm" role="status" aria-live="polite" style={{ overflowWrap: "anywhere" }}>
        {status}
      </Text>
    </Stack>
  );
}

const EMPTY = { firstName: "", lastName: "", phone: "", email: "", postcode: "", reason: "" };
type Field = keyof typeof EMPTY;

/** "Iemand aanmelden": the person's details, why they fit, and the consent they gave. */
function ReferForm({
  vacancy,
  onDone,
  onCancel,
}: {
  vacancy: ReferrableVacancy;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => referPerson({ vacancyId: vacancy.id, ...values, consent: true }),
    onSuccess: async (referral) => {
      await queryClient.invalidateQueries({ queryKey: referrerKeys.all });
      onDone(referral.name);
    },
  });
  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const missing = (field: Field) => attempted && values[field].trim() === "";
  const error = (field: Field | "consent") => {
    if (field === "consent")
      return attempted && !consent
        ? t("referrer.form.consentRequired")
        : fieldErrors(mutation.error, field)[0];
    return missing(field) ? t("referrer.form.required") : fieldErrors(mutation.error, field)[0];
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (Object.values(values).some((v) => v.trim() === "") || !consent) return;
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("referrer.form.intro")}
        </Text>
        <FormError error={mutation.error} />
        <TextInput
          label={t("referrer.form.firstName")}
          required
          autoComplete="off"
          value={values.firstName}
          onChange={set("firstName")}
          error={error("firstName")}
        />
        <TextInput
          label={t("referrer.form.lastName")}
          required
          autoComplete="off"
          value={values.lastName}
          onChange={set("lastName")}
          error={error("lastName")}
        />
        <TextInput
          label={t("referrer.form.phone")}
          required
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={values.phone}
          onChange={set("phone")}
          error={error("phone")}
        />
        <TextInput
          label={t("referrer.form.email")}
          required
          type="email"
          inputMode="email"
          autoComplete="off"
          value={values.email}
          onChange={set("email")}
          error={error("email")}
        />
        <TextInput
          label={t("referrer.form.postcode")}
          description={t("referrer.form.postcodeHint")}
          required
          autoComplete="off"
          value={values.postcode}
          onChange={set("postcode")}
          error={error("postcode")}
        />
        <Textarea
          label={t("referrer.form.reason")}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={values.reason}
          onChange={set("reason")}
          error={error("reason")}
        />
        <Checkbox
          label={t("referrer.form.consent")}
          description={t("referrer.form.consentHint")}
          required
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          error={error("consent")}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t("referrer.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("referrer.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
