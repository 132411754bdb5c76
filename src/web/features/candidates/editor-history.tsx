import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ReferenceListsResponse } from "../../../contracts/reference";
import { DateField } from "../../ui/date-field";
import { useLocale } from "../language/language-control";
import { type DraftProps, EditorSection, type FieldMessage, fieldMessages } from "./editor-ui";
import {
  type CourseRow,
  type EducationRow,
  type ExperienceRow,
  emptyCourse,
  emptyEducation,
  emptyExperience,
  type ProfileSection,
} from "./profile-draft";

/**
 * A list of entries edited in place (work experience, education, courses): each entry a card
 * with its own remove button, "toevoegen" below. A new entry gets the focus in its first field.
 */
function EntryList<Row extends { key: string }>({
  anchor,
  part,
  sent,
  fields,
  title,
  intro,
  entryTitle,
  rows,
  setRows,
  empty,
  emptyText,
  addLabel,
  render,
}: {
  anchor: ProfileSection;
  part: "experience" | "education" | "courses";
  /** The row keys in the order of the last save: server messages name rows by that index. */
  sent: readonly string[];
  fields: readonly FieldMessage[];
  title: string;
  intro: string;
  entryTitle: (row: Row, index: number) => string;
  rows: Row[];
  setRows: (rows: Row[]) => void;
  empty: () => Row;
  emptyText: string;
  addLabel: string;
  render: (
    row: Row,
    update: (change: Partial<Row>) => void,
    error: (field: string) => string | undefined,
  ) => ReactNode;
}) {
  const { t } = useTranslation();
  const errors = fieldMessages(fields);
  const listRef = useRef<HTMLDivElement>(null);
  const errorOf = (key: string, field: string) => {
    const index = sent.indexOf(key);
    return index < 0 ? undefined : errors.at(`${part}.${index}.${field}`);
  };

  function add() {
    const row = empty();
    setRows([...rows, row]);
    // Once rendered, the new entry's first field takes the focus.
    requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLElement>(`[data-entry="${row.key}"] input`)?.focus();
    });
  }

  return (
    <EditorSection
      anchor={anchor}
      title={title}
      intro={intro}
      fields={fields}
      placed={(path) => {
        const match = new RegExp(`^${part}\\.(\\d+)\\.`).exec(path);
        return match !== null && Number(match[1]) < sent.length;
      }}
    >
      <div ref={listRef}>
        {rows.length === 0 ? (
          <Text c="dimmed">{emptyText}</Text>
        ) : (
          <Stack gap="sm" component="ol" className="werkbrug-plain-list">
            {rows.map((row, index) => {
              const name = entryTitle(row, index);
              return (
                <Card key={row.key} component="li" withBorder padding="md" radius="sm" data-entry={row.key}>
                  <Group justify="space-between" wrap="nowrap" mb="xs">
                    <Title order={3} size="h5">
                      {name}
                    </Title>
                    <Button
                      variant="subtle"
                      color="red"
                      c="red"
                      size="compact-sm"
                      leftSection={<IconTrash aria-hidden="true" size={14} />}
                      aria-label={t("profile.editor.removeNamed", { name })}
                      onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                    >
                      {t("profile.editor.remove")}
                    </Button>
                  </Group>
                  {render(
                    row,
                    (change) => setRows(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r))),
                    (field) => errorOf(row.key, field),
                  )}
                </Card>
              );
            })}
          </Stack>
        )}
      </div>
      <Button
        variant="light"
        leftSection={<IconPlus aria-hidden="true" size={16} />}
        style={{ alignSelf: "flex-start" }}
        onClick={add}
      >
        {addLabel}
      </Button>
    </EditorSection>
  );
}

type HistoryProps<Row> = DraftProps<Row[]> & { sent: readonly string[] };

function Period({
  from,
  to,
  onFrom,
  onTo,
  error,
  toHint,
}: {
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  error: (field: string) => string | undefined;
  toHint: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        label={t("profile.fields.from")}
        required
        value={from}
        onChange={(day) => onFrom(day)}
        error={error("from")}
      />
      <DateField
        label={t("profile.fields.to")}
        description={toHint}
        value={to}
        onChange={(day) => onTo(day)}
        error={error("to")}
      />
    </>
  );
}

/** "Werkervaring": jobs with from and to ("nu" while it lasts). */
export function ExperienceSection({
  draft: rows,
  onChange: setRows,
  fields,
  sent,
}: HistoryProps<ExperienceRow>) {
  const { t } = useTranslation();
  return (
    <EntryList<ExperienceRow>
      anchor="werkervaring"
      part="experience"
      sent={sent}
      fields={fields}
      title={t("profile.sections.werkervaring")}
      intro={t("profile.intro.werkervaring")}
      entryTitle={(row, i) => row.title.trim() || t("profile.experience.entry", { number: i + 1 })}
      rows={rows}
      setRows={setRows}
      empty={emptyExperience}
      emptyText={t("profile.experience.none")}
      addLabel={t("profile.experience.add")}
      render={(row, update, error) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("profile.fields.jobTitle")}
            required
            maxLength={160}
            value={row.title}
            onChange={(e) => update({ title: e.currentTarget.value })}
            error={error("title") ?? error("occupationId")}
          />
          <TextInput
            label={t("profile.fields.employer")}
            maxLength={160}
            value={row.employer}
            onChange={(e) => update({ employer: e.currentTarget.value })}
            error={error("employer")}
          />
          <Period
            from={row.from}
            to={row.to}
            onFrom={(from) => update({ from })}
            onTo={(to) => update({ to })}
            error={error}
            toHint={t("profile.fields.toHintJob")}
          />
          <TextInput
            label={t("profile.fields.entryPlace")}
            maxLength={120}
            value={row.place}
            onChange={(e) => update({ place: e.currentTarget.value })}
            error={error("place")}
          />
          <Textarea
            label={t("profile.fields.description")}
            autosize
            minRows={2}
            maxRows={10}
            maxLength={4000}
            value={row.description}
            onChange={(e) => update({ description: e.currentTarget.value })}
            error={error("description")}
            style={{ gridColumn: "1 / -1" }}
          />
        </SimpleGrid>
      )}
    />
  );
}

/** "Opleidingen", with "diploma behaald". */
export function EducationSection({
  lists,
  draft: rows,
  onChange: setRows,
  fields,
  sent,
}: { lists: ReferenceListsResponse | undefined } & HistoryProps<EducationRow>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const levels = [...(lists?.educationLevels ?? [])]
    .sort((a, b) => a.order - b.order)
    .map((l) => ({ value: l.id, label: l.label[locale] }));
  return (
    <EntryList<EducationRow>
      anchor="opleidingen"
      part="education"
      sent={sent}
      fields={fields}
      title={t("profile.sections.opleidingen")}
      intro={t("profile.intro.opleidingen")}
      entryTitle={(row, i) => row.title.trim() || t("profile.education.entry", { number: i + 1 })}
      rows={rows}
      setRows={setRows}
      empty={emptyEducation}
      emptyText={t("profile.education.none")}
      addLabel={t("profile.education.add")}
      render={(row, update, error) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("profile.fields.educationTitle")}
            required
            maxLength={160}
            value={row.title}
            onChange={(e) => update({ title: e.currentTarget.value })}
            error={error("title")}
          />
          <TextInput
            label={t("profile.fields.institution")}
            maxLength={160}
            value={row.institution}
            onChange={(e) => update({ institution: e.currentTarget.value })}
            error={error("institution")}
          />
          <Period
            from={row.from}
            to={row.to}
            onFrom={(from) => update({ from })}
            onTo={(to) => update({ to })}
            error={error}
            toHint={t("profile.fields.toHintEducation")}
          />
          <TextInput
            label={t("profile.fields.entryPlace")}
            maxLength={120}
            value={row.place}
            onChange={(e) => update({ place: e.currentTarget.value })}
            error={error("place")}
          />
          <NativeSelect
            label={t("profile.fields.educationLevel")}
            value={row.levelId}
            onChange={(e) => update({ levelId: e.currentTarget.value })}
            data={[{ value: "", label: t("profile.editor.choose") }, ...levels]}
            error={error("levelId")}
          />
          <Checkbox
            label={t("profile.fields.diplomaObtained")}
            checked={row.diplomaObtained}
            onChange={(e) => update({ diplomaObtained: e.currentTarget.checked })}
            style={{ alignSelf: "center" }}
          />
          <Textarea
            label={t("profile.fields.description")}
            autosize
            minRows={2}
            maxRows={10}
            maxLength={4000}
            value={row.description}
            onChange={(e) => update({ description: e.currentTarget.value })}
            error={error("description")}
            style={{ gridColumn: "1 / -1" }}
          />
        </SimpleGrid>
      )}
    />
  );
}

/** "Cursussen en trainingen", with "certificaat behaald". */
export function CoursesSection({ draft: rows, onChange: setRows, fields, sent }: HistoryProps<CourseRow>) {
  const { t } = useTranslation();
  return (
    <EntryList<CourseRow>
      anchor="cursussen"
      part="courses"
      sent={sent}
      fields={fields}
      title={t("profile.sections.cursussen")}
      intro={t("profile.intro.cursussen")}
      entryTitle={(row, i) => row.title.trim() || t("profile.courses.entry", { number: i + 1 })}
      rows={rows}
      setRows={setRows}
      empty={emptyCourse}
      emptyText={t("profile.courses.none")}
      addLabel={t("profile.courses.add")}
      render={(row, update, error) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("profile.fields.courseTitle")}
            required
            maxLength={160}
            value={row.title}
            onChange={(e) => update({ title: e.currentTarget.value })}
            error={error("title")}
          />
          <TextInput
            label={t("profile.fields.provider")}
            maxLength={160}
            value={row.provider}
            onChange={(e) => update({ provider: e.currentTarget.value })}
            error={error("provider")}
          />
          <NumberInput
            label={t("profile.fields.year")}
            min={1940}
            max={2100}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            hideControls
            inputMode="numeric"
            value={row.year}
            onChange={(v) => update({ year: String(v) })}
            error={error("year")}
          />
          <Checkbox
            label={t("profile.fields.certificate")}
            checked={row.certificate}
            onChange={(e) => update({ certificate: e.currentTarget.checked })}
            style={{ alignSelf: "center" }}
          />
        </SimpleGrid>
      )}
    />
  );
}
