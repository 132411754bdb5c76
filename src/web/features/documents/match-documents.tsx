import { Anchor, Group, Loader, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  DOCUMENT_TYPES,
  type DocumentType,
  MATCH_DOCUMENT_ACCEPT,
  MATCH_DOCUMENT_MAX_BYTES,
  type MatchDocument,
  type MatchDocuments as MatchDocumentsData,
} from "../../../contracts/documents";
import { numberFormat } from "../../../contracts/intl";
import { ApiError } from "../../api";
import { intlLocale } from "../../i18n";
import { formatDate } from "../../ui/dates";
import { UploadButton } from "../../ui/upload-button";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useUiLocale } from "../language/language-control";
import { documentKeys, matchDocumentsQuery, setDocumentType, uploadMatchDocument } from "./documents-api";

/** Dates and sizes in the reader's language (nl, en, de, fr). */
function useFormat() {
  const tag = intlLocale(useUiLocale());
  const number = numberFormat(tag, { maximumFractionDigits: 1 });
  return {
    date: (iso: string) => formatDate(iso, tag),
    size: (bytes: number | null) => {
      if (bytes === null) return "";
      if (bytes < 1024) return `${bytes} B`;
      if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} kB`;
      return `${number.format(bytes / (1024 * 1024))} MB`;
    },
  };
}

const isType = (value: string): value is DocumentType => DOCUMENT_TYPES.some((t) => t === value);

function TypeCell({
  matchId,
  document,
  editable,
}: {
  matchId: string;
  document: MatchDocument;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (type: DocumentType) => setDocumentType(matchId, document.id, type),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentKeys.all }),
  });
  // The CV sent with an application is no document of the file: its type is fixed.
  if (!editable || document.source === "application") return <>{t(`documents.types.${document.type}`)}</>;
  return (
    <Stack gap={4}>
      <NativeSelect
        size="xs"
        aria-label={t("documents.list.changeType", { name: document.fileName })}
        value={document.type}
        disabled={change.isPending}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isType(next)) change.mutate(next);
        }}
        data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documents.types.${type}`) }))}
      />
      <FormError error={change.error} />
    </Stack>
  );
}

function UploadForm({ data }: { data: MatchDocumentsData }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [type, setType] = useState<DocumentType>(data.uploadableTypes[0] ?? "other");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadMatchDocument(data.matchId, type, file),
    onSuccess: (document) => {
      setDone(t("documents.upload.done", { name: document.fileName }));
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
    },
  });
  if (data.uploadableTypes.length === 0) return null;
  return (
    <Stack gap="xs">
      {problem && <Notice color="red">{problem}</Notice>}
      {upload.error ? <Notice color="red">{errorText(upload.error)}</Notice> : null}
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t("documents.upload.type")}
          value={type}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (isType(next)) setType(next);
          }}
          data={data.uploadableTypes.map((value) => ({ value, label: t(`documents.types.${value}`) }))}
        />
        <UploadButton
          label={t("documents.upload.button")}
          accept={MATCH_DOCUMENT_ACCEPT}
          maxBytes={MATCH_DOCUMENT_MAX_BYTES}
          loading={upload.isPending}
          onPick={() => {
            setDone(null);
            setProblem(null);
            upload.reset();
          }}
          onTooBig={(file) => setProblem(t("documents.upload.tooBig", { name: file.name }))}
          onFile={(file) => upload.mutate(file)}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t("documents.upload.hint")}
      </Text>
    </Stack>
  );
}

/** The documents of one match as the caller may see them, with upload (and, for the team, types). */
export function MatchDocumentsList({ data }: { data: MatchDocumentsData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm">
      {data.documents.length === 0 ? (
        <Text c="dimmed">{t("documents.list.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }} c="dimmed">
              {t("documents.list.caption", { name: data.candidateName })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("documents.list.name")}</Table.Th>
                <Table.Th scope="col">{t("documents.list.type")}</Table.Th>
                <Table.Th scope="col">{t("documents.list.size")}</Table.Th>
                <Table.Th scope="col">{t("documents.list.added")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.documents.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor
                      href={document.url}
                      download={document.fileName}
                      style={{ overflowWrap: "anywhere" }}
                    >
                      {document.fileName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <TypeCell matchId={data.matchId} document={document} editable={data.allTypes} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.size(document.size)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.date(document.createdAt)}</Text>
                    <Text size="sm" c="dimmed">
                      {document.uploadedBy
                        ? t("documents.list.uploadedBy", {
                            name: document.uploadedBy.name,
                            organisation: document.uploadedBy.organisationName ?? "",
                          })
                        : t(`documents.sources.${document.source}`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <UploadForm data={data} />
    </Stack>
  );
}

/**
 * The documents section of one match, for the proposals review page (`/voorgesteld/$matchId`)
 * and the team's match view: contacts see and upload only the types their team made visible.
 */
export function MatchDocuments({ matchId, headingLevel = 2 }: { matchId: string; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const documents = useQuery(matchDocumentsQuery(matchId));
  // A match whose documents the caller may not see (never proposed to them): no section at all.
  if (documents.isError && documents.error instanceof ApiError && documents.error.status === 404) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={headingLevel} size={headingLevel === 2 ? "h4" : "h5"} id={id}>
        {t("documents.section.title")}
      </Title>
      {documents.isPending ? (
        <Loader size="sm" aria-label={t("documents.loading")} />
      ) : documents.isError ? (
        <Notice color="red">{errorText(documents.error)}</Notice>
      ) : (
        <MatchDocumentsList data={documents.data} />
      )}
    </Stack>
  );
}
