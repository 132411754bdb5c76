import { Card, Checkbox, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { FormError, Notice } from "../identity/forms";
import { LEGEND_STYLES } from "../vacancies/ui";
import type { ProfileSection } from "./profile-draft";

/** The header is fixed: a jump or a focus moved to a heading leaves it below the header. */
export const ANCHOR_OFFSET = { scrollMarginTop: 88 } as const;

/** A server message about one field, as the API names it ("experience.2.to"). */
export type FieldMessage = { path: string; message: string };

/** Sets a section's draft, like React's state setter. */
export type DraftUpdate<D> = (next: D | ((old: D) => D)) => void;

/** What the editor gives each section: its draft, how to change it, and its refused fields. */
export interface DraftProps<D> {
  draft: D;
  onChange: DraftUpdate<D>;
  fields: readonly FieldMessage[];
}

/** The messages per field path, joined when there are several. */
export function fieldMessages(fields: readonly FieldMessage[]) {
  return {
    fields,
    at(path: string): string | undefined {
      const messages = fields.filter((f) => f.path === path).map((f) => f.message);
      return messages.length > 0 ? messages.join(" ") : undefined;
    },
  };
}

/** The server's messages per field path of a refused request. */
export function fieldErrorsOf(error: unknown) {
  return fieldMessages(error instanceof ApiError ? error.fields : []);
}

/**
 * One section of the profile editor: a card with its heading (which takes the focus when the
 * candidate moves to the section) and its fields. Field messages go under the fields; what no
 * field shows is listed above them. Saving is the editor's, for all sections at once.
 */
export function EditorSection({
  anchor,
  title,
  intro,
  children,
  before,
  fields = [],
  placed,
}: {
  anchor: ProfileSection;
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  /** Controls that act at once (photo, uploads), above the fields that wait for "Opslaan". */
  before?: ReactNode;
  /** The last refused save's messages for this section. */
  fields?: readonly FieldMessage[];
  /** Whether a field of this section shows the message for this path itself. */
  placed?: (path: string) => boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const unplaced = fields.filter((f) => !placed?.(f.path));

  return (
    <Card withBorder padding="lg" radius="md" component="section" id={anchor} aria-labelledby={headingId}>
      <Title
        order={2}
        size="h3"
        id={headingId}
        mb="xs"
        tabIndex={-1}
        data-section-heading
        style={ANCHOR_OFFSET}
      >
        {title}
      </Title>
      {intro && (
        <Text c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {before && <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>{before}</div>}
      <Stack gap="md">
        {fields.length > 0 && (
          <Notice color="red" title={t("profile.editor.checkFields")}>
            {unplaced.length > 0 && (
              <List size="sm">
                {unplaced.map((f) => (
                  <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
                ))}
              </List>
            )}
          </Notice>
        )}
        {children}
      </Stack>
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
