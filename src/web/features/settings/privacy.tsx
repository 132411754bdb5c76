import { Loader, Stack, Switch, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ProfileSettings } from "../../../contracts/identity";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { profileQuery, updateProfile } from "./settings-api";

type Consent = "consentEmbeddedVideo" | "consentResearch";
const CONSENTS: readonly { key: Consent; i18n: string }[] = [
  { key: "consentEmbeddedVideo", i18n: "video" },
  { key: "consentResearch", i18n: "research" },
];

/** The manual's two privacy settings, each saved the moment it is switched. */
export function Privacy() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const profile = useQuery(profileQuery);
  const mutation = useMutation({
    mutationFn: updateProfile,
    onMutate: (change) => {
      // Show the new position at once; a failure puts it back.
      const before = queryClient.getQueryData<ProfileSettings>(profileQuery.queryKey);
      if (before) queryClient.setQueryData(profileQuery.queryKey, { ...before, ...change });
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(profileQuery.queryKey, context.before);
    },
    onSuccess: (saved) => queryClient.setQueryData(profileQuery.queryKey, saved),
  });

  if (profile.isPending) return <Loader size="sm" aria-label={t("shell.loading")} />;
  if (profile.isError) return <Notice color="red">{errorText(profile.error)}</Notice>;

  return (
    <Stack gap="md" maw={640}>
      <Text c="dimmed">{t("settings.privacy.intro")}</Text>
      <FormError error={mutation.error} />
      {CONSENTS.map(({ key, i18n }) => (
        <Switch
          key={key}
          size="md"
          label={t(`settings.privacy.${i18n}`)}
          description={t(`settings.privacy.${i18n}Text`)}
          checked={profile.data[key]}
          onChange={(event) => mutation.mutate({ [key]: event.currentTarget.checked })}
          styles={{ description: { color: "var(--mantine-color-dimmed)" } }}
        />
      ))}
      {/* Polite confirmation, so a screen reader hears the switch was saved. */}
      <div role="status" aria-live="polite">
        {mutation.isSuccess && (
          <Text size="sm" c="teal">
            {t("settings.privacy.saved")}
          </Text>
        )}
      </div>
    </Stack>
  );
}
