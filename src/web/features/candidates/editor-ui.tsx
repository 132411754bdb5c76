import { Button, Card, Checkbox, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { UpdateCandidateProfileRequest } from "../../../contracts/candidates";
import { ApiError } from "../../api";
import { FormError, Notice } from "../identity/forms";
import { LEGEND_STYLES } from "../vacancies/ui";
import { candidateKeys, updateMyProfile } from "./candidates-api";
import type { ProfileSection } from "./profile-draft";

/** The header is fixed: an anchor jump leaves the section's heading below it. */
export const ANCHOR_OFFSET = { scrollMarginTop: 88 } as const;

/** Saves one part of the profile; the answer (the whole profile) replaces the cached one. */
export function useSavePart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateCandidateProfileRequest) => updateMyProfile(patch),
    onSuccess: (me) => queryClient.setQueryData(candidateKeys.me, me),
  });
}

/** The server's messages per field path ("experience.2.to"), joined when there are several. */
export function fieldErrorsOf(error: unknown) {
  const fields = error instanceof ApiError ? error.fields : [];
  return {
    fields,
    at(path: string): string | undefined {
      const messages = fields.filter((f) => f.path === path).map((f) => f.message);
      return messages.length > 0 ? messages.join(" ") : undefined;
    },
  };
}

/**
 * One section of the profile editor: a card with its anchor, its own form and its own "Opslaan".
 * Field messages go under the fields; what no field shows is listed above the button.
 */
export function EditorSection({
  anchor,
  title,
  intro,
  children,
  before,
  onSave,
  saving,
  saved,
  error,
  placed,
}: {
  anchor: ProfileSection;
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  /** Controls that act at once (photo, uploads): outside the form, above it. */
  before?: ReactNode;
  onSave?: () => void;
  saving?: boolean;
  saved?: boolean;
  error?: unknown;
  /** Whether a field of this section shows the message for this path itself. */
  placed?: (path: string) => boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fields } = fieldErrorsOf(error);
  const unplaced = fields.filter((f) => !placed?.(f.path));

  // After a refused save the cursor goes to the first field with a message.
  useEffect(() => {
    if (!error) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave?.();
  }

  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      id={anchor}
      aria-labelledby={headingId}
      style={ANCHOR_OFFSET}
    >
      <Title order={2} size="h3" id={headingId} mb="xs" tabIndex={-1} data-section-heading>
        {title}
      </Title>
      {intro && (
        <Text c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {before && <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>{before}</div>}
      {onSave && (
        <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={headingId}>
          <Stack gap="md">
            {children}
            {error ? (
              fields.length > 0 ? (
                <Notice color="red" title={t("profile.editor.checkFields")}>
                  {unplaced.length > 0 && (
                    <List size="sm">
                      {unplaced.map((f) => (
                        <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
                      ))}
                    </List>
                  )}
                </Notice>
              ) : (
                <FormError error={error} />
              )
            ) : null}
            <Group gap="sm">
              <Button
                type="submit"
                loading={saving}
                leftSection={<IconDeviceFloppy aria-hidden="true" size={18} />}
              >
                {t("profile.editor.save", { section: title })}
              </Button>
              <div role="status" aria-live="polite">
                {saved && !saving && !error && (
                  <Text size="sm" c="teal">
                    {t("profile.editor.saved")}
                  </Text>
                )}
              </div>
            </Group>
          </Stack>
        </form>
      )}
      {!onSave && children}
    </Card>
  );
}

/** A short list of choices as checkboxes in a fieldset (work types, licences…). */
export function ChoiceChecks({
  legend,
  description,
  options,
  value,
  onChange,
  error,
  cols = 3,
}: {
  legend: string;
  description?: string;
  options: readonly { value: string; label: string; description?: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  cols?: number;
}) {
  return (
    <Checkbox.Group
      label={legend}
      description={description}
      value={[...value]}
      onChange={onChange}
      error={error}
      styles={{ label: LEGEND_STYLES.legend }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, sm: cols }} spacing="xs" verticalSpacing="xs" mt={4}>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            value={option.value}
            label={option.label}
            description={option.description}
            styles={{ description: { color: "var(--mantine-color-dimmed)" } }}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** An upload's refusal: the server's message for the file when it gave one, else the general one. */
export function UploadError({ error, path }: { error: unknown; path: string }) {
  const message = fieldErrorsOf(error).at(path);
  if (message) return <Notice color="red">{message}</Notice>;
  return <FormError error={error} />;
}
