import {
  Avatar,
  Button,
  FileButton,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UiLocale, uiLocaleOf } from "../../../contracts/common";
import type { ProfileSettings } from "../../../contracts/identity";
import { setLocale } from "../../i18n";
import { meQuery } from "../account/me-query";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { changeEmail, profileQuery, removeAvatar, updateProfile, uploadAvatar } from "./settings-api";

// Each name in its own language: someone who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: { value: UiLocale; label: string }[] = [
  { value: "nl", label: "Nederlands" },
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch" },
  { value: "fr", label: "Français" },
];

type Draft = Pick<ProfileSettings, "name" | "locale"> & { phone: string; postcode: string };

function PersonalDataForm({ profile }: { profile: ProfileSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    name: profile.name,
    phone: profile.phone ?? "",
    postcode: profile.postcode ?? "",
    locale: profile.locale,
  });
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: async (saved) => {
      queryClient.setQueryData(profileQuery.queryKey, saved);
      // The chosen language is the account's and this screen's at once.
      await setLocale(saved.locale);
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
  const nameMissing = attempted && draft.name.trim().length < 2;
  // A field error belongs under its field; the summary above the form only when nothing else explains.
  const fieldError = (path: string) => fieldErrors(mutation.error, path)[0];
  const hasFieldErrors = ["name", "phone", "postcode", "locale"].some((path) => fieldError(path));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (draft.name.trim().length < 2) return;
    mutation.mutate({
      name: draft.name.trim(),
      phone: draft.phone.trim() === "" ? null : draft.phone.trim(),
      postcode: draft.postcode.trim() === "" ? null : draft.postcode.trim(),
      locale: draft.locale,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        {mutation.isSuccess && (
          <Notice color="green" status>
            {t("settings.personal.saved")}
          </Notice>
        )}
        {mutation.isError &&
          (hasFieldErrors ? (
            <Notice color="red">{t("settings.personal.checkFields")}</Notice>
          ) : (
            <FormError error={mutation.error} />
          ))}
        <TextInput
          label={t("identity.name")}
          autoComplete="name"
          required
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          error={fieldError("name") ?? (nameMissing ? t("identity.nameRequired") : undefined)}
        />
        <TextInput
          label={t("identity.email")}
          type="email"
          value={profile.email}
          readOnly
          description={t("settings.personal.emailChangeBelow")}
        />
        <TextInput
          label={t("settings.personal.phone")}
          type="tel"
          autoComplete="tel"
          description={t("settings.personal.phoneHint")}
          value={draft.phone}
          onChange={(event) => setDraft({ ...draft, phone: event.currentTarget.value })}
          error={fieldError("phone")}
        />
        <TextInput
          label={t("settings.personal.postcode")}
          autoComplete="postal-code"
          description={t("settings.personal.postcodeHint")}
          value={draft.postcode}
          onChange={(event) => setDraft({ ...draft, postcode: event.currentTarget.value })}
          error={fieldError("postcode")}
        />
        <NativeSelect
          label={t("settings.personal.language")}
          description={t("settings.personal.languageHint")}
          value={draft.locale}
          onChange={(event) => setDraft({ ...draft, locale: uiLocaleOf(event.currentTarget.value) })}
          // German and French are offered to employer contact persons (the server says whom).
          data={LANGUAGE_NAMES.filter((l) => profile.locales.includes(l.value))}
          error={fieldError("locale")}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {t("identity.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** The manual's "Persoonsgegevens": name, e-mail, phone and postcode (used as the search radius). */
export function PersonalData() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const profile = useQuery(profileQuery);
  if (profile.isPending) return <Loader size="sm" aria-label={t("shell.loading")} />;
  if (profile.isError) return <Notice color="red">{errorText(profile.error)}</Notice>;
  return (
    <Stack gap="sm">
      <Text c="dimmed">{t("settings.personal.intro")}</Text>
      <ProfilePhoto />
      <PersonalDataForm profile={profile.data} />
      <ChangeEmail current={profile.data.email} />
    </Stack>
  );
}

/** The avatar top right in the header ("Account" in the manual's tour). */
function ProfilePhoto() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  const upload = useMutation({
    mutationFn: uploadAvatar,
    onSuccess: () => setDone(t("settings.personal.photoSaved")),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: removeAvatar,
    onSuccess: () => setDone(t("settings.personal.photoRemoved")),
    onSettled: refresh,
  });
  const url = me.data?.avatarUrl ?? null;
  return (
    <Group gap="md" align="center">
      <Avatar src={url} size={72} radius="xl" alt={url ? t("settings.personal.photoAlt") : ""} />
      <Stack gap={4}>
        <Group gap="xs">
          <FileButton
            accept="image/png,image/jpeg,image/webp"
            onChange={(file) => {
              setDone(null);
              if (file) upload.mutate(file);
            }}
          >
            {(props) => (
              <Button {...props} variant="light" loading={upload.isPending}>
                {t("settings.personal.photoChoose")}
              </Button>
            )}
          </FileButton>
          {url ? (
            <Button variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("settings.personal.photoRemove")}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t("settings.personal.photoHint")}
        </Text>
        {upload.error || remove.error ? <FormError error={upload.error ?? remove.error} /> : null}
        {done ? (
          <Notice color="green" status>
            {done}
          </Notice>
        ) : null}
      </Stack>
    </Group>
  );
}

/**
 * A new address takes effect once the link sent to it is followed, so a typo cannot lock
 * anyone out; the answer is the same when the address already has an account.
 */
function ChangeEmail({ current }: { current: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);
  const change = useMutation({ mutationFn: changeEmail });
  function submit(event: FormEvent) {
    event.preventDefault();
    const email = value.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.toLowerCase() === current.toLowerCase()) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    change.mutate(email);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        <Title order={3} size="h4">
          {t("settings.personal.emailChangeTitle")}
        </Title>
        <TextInput
          label={t("settings.personal.emailNew")}
          type="email"
          autoComplete="email"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={invalid ? t("identity.emailInvalid") : undefined}
        />
        {change.error ? <FormError error={change.error} /> : null}
        {change.isSuccess ? (
          <Notice color="green" status>
            {t("settings.personal.emailChangeSent", { email: change.variables })}
          </Notice>
        ) : null}
        <Group>
          <Button type="submit" variant="light" loading={change.isPending}>
            {t("settings.personal.emailChangeButton")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
