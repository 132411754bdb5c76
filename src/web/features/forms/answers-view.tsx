import { Anchor, Stack, Table, Text } from "@mantine/core";
import type { Answers, FormDefinition, UploadedFile } from "../../../contracts/forms";
import { useLocale } from "../language/language-control";
import { useAnswerText } from "./answer-input";

export interface AnswersViewProps {
  definition: FormDefinition;
  answers: Answers;
  files: readonly (UploadedFile & { url?: string })[];
  /** A message under a question's answer (the review step's refusals). */
  errorAt?: (key: string) => string | undefined;
}

/**
 * An application's answers per section, as a table of question and answer: the applicant's
 * review step and the staff's view of an applicant. Files with an address are download links.
 */
export function AnswersView({ definition, answers, files, errorAt }: AnswersViewProps) {
  const locale = useLocale();
  const lang = locale === "en" ? "en" : "nl";
  const answerText = useAnswerText();
  const linkOf = (key: string) => {
    const value = answers[key];
    const id = value && typeof value === "object" && !Array.isArray(value) ? value.fileId : null;
    return id ? files.find((f) => f.id === id && f.url) : undefined;
  };
  return (
    <Stack gap="sm">
      {definition.sections.map((section) => (
        <Table key={section.key} variant="vertical" withTableBorder layout="fixed" captionSide="top">
          <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)">
            {section.title[lang] || section.title.nl}
          </Table.Caption>
          <Table.Tbody>
            {section.fields.map((field) => {
              const file = field.kind === "file" ? linkOf(field.key) : undefined;
              const error = errorAt?.(field.key);
              return (
                <Table.Tr key={field.key}>
                  <Table.Th scope="row" w="40%">
                    {field.label[lang] || field.label.nl}
                  </Table.Th>
                  <Table.Td>
                    {file?.url ? (
                      <Anchor href={file.url} download>
                        {file.fileName}
                      </Anchor>
                    ) : (
                      answerText(field, answers[field.key], files)
                    )}
                    {error && (
                      <Text c="red" size="sm">
                        {error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ))}
    </Stack>
  );
}
