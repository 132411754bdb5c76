import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  Image,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPhotoPlus, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CandidateDocument,
  type CandidateProfile,
  DOCUMENT_KINDS,
  type DocumentKind,
} from "../../../contracts/candidates";
import { AppLink } from "../../ui/app-link";
import { UploadButton } from "../../ui/upload-button";
import { Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { fileSize, formatDate } from "../vacancies/format";
import { LEGEND_STYLES } from "../vacancies/ui";
import {
  addMediaPhoto,
  candidateKeys,
  removeDocument,
  removeMediaPhoto,
  uploadDocument,
} from "./candidates-api";
import { IMAGE_TYPES, PHOTO_MAX_BYTES } from "./editor-general";
import { type DraftProps, EditorSection, fieldMessages, UploadError } from "./editor-ui";
import { type LinkRow, rowKey } from "./profile-draft";
import type { MediaDraft } from "./profile-edits";
import { VideoList } from "./video";

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const DOCUMENT_TYPES =
  ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Rows of a URL and its name (videos, links), each with its own remove button. */
function LinkRows({
  legend,
  rows,
  setRows,
  urlLabel,
  nameLabel,
  addLabel,
  error,
}: {
  legend: string;
  rows: LinkRow[];
  setRows: (rows: LinkRow[]) => void;
  urlLabel: string;
  nameLabel: string;
  addLabel: string;
  error: (key: string, field: "url" | "label") => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={LEGEND_STYLES.legend}>{legend}</legend>
      {rows.map((row, i) => {
        const update = (change: Partial<LinkRow>) =>
          setRows(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)));
        return (
          <Group key={row.key} gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              type="url"
              label={urlLabel}
              placeholder="https://"
              style={{ flex: 2 }}
              maxLength={500}
              value={row.url}
              onChange={(e) => update({ url: e.currentTarget.value })}
              error={error(row.key, "url")}
            />
            <TextInput
              label={nameLabel}
              style={{ flex: 1 }}
              maxLength={160}
              value={row.label}
              onChange={(e) => update({ label: e.currentTarget.value })}
              error={error(row.key, "label")}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              c="red"
              size="lg"
              mt={26}
              aria-label={t("profile.editor.removeNamed", {
                name: row.label || row.url || `${legend} ${i + 1}`,
              })}
              onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
            >
              <IconTrash aria-hidden="true" size={18} />
            </ActionIcon>
          </Group>
        );
      })}
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus aria-hidden="true" size={14} />}
        style={{ alignSelf: "flex-start" }}
        onClick={() => setRows([...rows, { key: rowKey(), url: "", label: "" }])}
      >
        {addLabel}
      </Button>
    </Stack>
  );
}

/** Photos for the candidate's media: uploaded and removed at once. */
function MediaPhotos({ profile }: { profile: CandidateProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: candidateKeys.me });
  const add = useMutation({
    mutationFn: addMediaPhoto,
    onSuccess: () => setDone(t("profile.media.photoAdded")),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: removeMediaPhoto,
    onSuccess: () => setDone(t("profile.media.photoRemoved")),
    onSettled: refresh,
  });
  const photos = profile.media.photos;

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("profile.media.photos")}
      </Title>
      {photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("profile.media.noPhotos")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="ul" className="werkbrug-plain-list">
          {photos.map((photo, i) => (
            <Stack key={photo.id} component="li" gap={4}>
              <Image
                src={photo.url}
                alt={t("profile.media.photoAlt", { number: i + 1 })}
                radius="sm"
                h={120}
                fit="cover"
              />
              <Button
                variant="subtle"
                color="red"
                c="red"
                size="compact-sm"
                leftSection={<IconTrash aria-hidden="true" size={14} />}
                loading={remove.isPending && remove.variables === photo.id}
                aria-label={t("profile.media.removePhoto", { number: i + 1 })}
                onClick={() => {
                  setDone(null);
                  remove.mutate(photo.id);
                }}
              >
                {t("profile.editor.remove")}
              </Button>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      {problem && <Notice color="red">{problem}</Notice>}
      <UploadError error={add.error ?? remove.error} path="photo" />
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      <FileButton
        accept={IMAGE_TYPES}
        onChange={(file) => {
          setDone(null);
          setProblem(null);
          if (!file) return;
          if (file.size > PHOTO_MAX_BYTES) {
            setProblem(t("profile.photo.tooBig"));
            return;
          }
          add.mutate(file);
        }}
      >
        {(props) => (
          <Button
            {...props}
            variant="light"
            leftSection={<IconPhotoPlus aria-hidden="true" size={18} />}
            loading={add.isPending}
            style={{ alignSelf: "flex-start" }}
          >
            {t("profile.media.addPhoto")}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}

/** "Media": photos, videos and links (own website, social media). */
export function MediaSection({
  profile,
  consented,
  draft: { videos, links },
  onChange,
  fields,
  sent,
}: {
  profile: CandidateProfile;
  consented: boolean;
  /** The link rows of the last save by their index in it (empty rows are not sent). */
  sent: { videos: ReadonlyMap<number, string>; links: ReadonlyMap<number, string> };
} & DraftProps<MediaDraft>) {
  const { t } = useTranslation();
  const errors = fieldMessages(fields);
  const setVideos = (rows: LinkRow[]) => onChange((old) => ({ ...old, videos: rows }));
  const setLinks = (rows: LinkRow[]) => onChange((old) => ({ ...old, links: rows }));
  const errorAt =
    (list: "videos" | "links") =>
    (key: string, field: "url" | "label"): string | undefined => {
      const index = [...sent[list]].find(([, k]) => k === key)?.[0];
      if (index === undefined) return undefined;
      return errors.at(`media.${list}.${index}.${list === "videos" && field === "label" ? "title" : field}`);
    };

  return (
    <EditorSection
      anchor="media"
      title={t("profile.sections.media")}
      intro={t("profile.intro.media")}
      before={<MediaPhotos profile={profile} />}
      fields={fields}
      placed={(path) => /^media\.(videos|links)\.\d+\./.test(path)}
    >
      <LinkRows
        legend={t("profile.media.videos")}
        rows={videos}
        setRows={setVideos}
        urlLabel={t("profile.media.videoUrl")}
        nameLabel={t("profile.media.videoTitle")}
        addLabel={t("profile.media.addVideo")}
        error={errorAt("videos")}
      />
      {profile.media.videos.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t("profile.media.preview")}
          </Text>
          <VideoList videos={profile.media.videos} />
          {!consented && <ConsentHint />}
        </Stack>
      )}
      <LinkRows
        legend={t("profile.media.links")}
        rows={links}
        setRows={setLinks}
        urlLabel={t("profile.media.linkUrl")}
        nameLabel={t("profile.media.linkLabel")}
        addLabel={t("profile.media.addLink")}
        error={errorAt("links")}
      />
    </EditorSection>
  );
}

/** Why a video shows as a link, and where that is changed. */
export function ConsentHint(): ReactNode {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t("profile.media.consentHint")}{" "}
      <Anchor component={AppLink} href="/instellingen?tab=privacy">
        {t("profile.media.consentLink")}
      </Anchor>
    </Text>
  );
}

/** "Documenten": the CV and other documents; uploaded, downloaded and removed at once. */
export function DocumentsSection({ profile }: { profile: CandidateProfile }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentKind>(
    profile.documents.some((d) => d.kind === "cv") ? "other" : "cv",
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: candidateKeys.me });
  const upload = useMutation({
    mutationFn: (file: File) => uploadDocument(file, kind),
    onSuccess: (document) => setDone(t("profile.documents.added", { name: document.fileName })),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (document: CandidateDocument) => removeDocument(document.id),
    onSuccess: (_, document) => setDone(t("profile.documents.removed", { name: document.fileName })),
    onSettled: refresh,
  });

  return (
    <EditorSection
      anchor="documenten"
      title={t("profile.sections.documenten")}
      intro={t("profile.intro.documenten")}
    >
      <Stack gap="sm">
        {profile.documents.length === 0 ? (
          <Text c="dimmed">{t("profile.documents.none")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }} c="dimmed">
                {t("profile.documents.caption")}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("profile.documents.name")}</Table.Th>
                  <Table.Th scope="col">{t("profile.documents.kind")}</Table.Th>
                  <Table.Th scope="col">{t("profile.documents.size")}</Table.Th>
                  <Table.Th scope="col">{t("profile.documents.date")}</Table.Th>
                  <Table.Td />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {profile.documents.map((document) => (
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
                    <Table.Td>{t(`documents.types.${document.kind}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{fileSize(document.size, locale)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {formatDate(document.createdAt, locale)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        c="red"
                        leftSection={<IconTrash aria-hidden="true" size={14} />}
                        loading={remove.isPending && remove.variables?.id === document.id}
                        aria-label={t("profile.editor.removeNamed", { name: document.fileName })}
                        onClick={() => {
                          setDone(null);
                          remove.mutate(document);
                        }}
                      >
                        {t("profile.editor.remove")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {problem && <Notice color="red">{problem}</Notice>}
        <UploadError error={upload.error ?? remove.error} path="file" />
        {done && (
          <Notice color="green" status>
            {done}
          </Notice>
        )}
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t("profile.documents.kind")}
            value={kind}
            onChange={(e) => {
              const next = DOCUMENT_KINDS.find((k) => k === e.currentTarget.value);
              if (next) setKind(next);
            }}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.types.${k}`) }))}
          />
          <UploadButton
            label={t("profile.documents.upload")}
            accept={DOCUMENT_TYPES}
            maxBytes={DOCUMENT_MAX_BYTES}
            loading={upload.isPending}
            onPick={() => {
              setDone(null);
              setProblem(null);
            }}
            onTooBig={(file) => setProblem(t("profile.documents.tooBig", { name: file.name }))}
            onFile={(file) => upload.mutate(file)}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t("profile.documents.hint")}
        </Text>
      </Stack>
    </EditorSection>
  );
}
