import { Anchor, Button, FileButton, Group, Image, Stack, Text } from "@mantine/core";
import { IconPaperclip, IconPhoto, IconTrash, IconUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Vacancy, VacancyAttachment } from "../../../contracts/vacancies";
import { FormError, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { fileSize } from "./format";
import { Section } from "./ui";
import { deleteAttachment, removeImage, uploadAttachment, uploadImage, vacancyKeys } from "./vacancies-api";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/png",
  "image/jpeg",
  "image/webp",
];
const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"];

/** The list of attachments with download links; with `onDelete`, a remove button per file. */
export function AttachmentList({
  attachments,
  onDelete,
  deleting,
}: {
  attachments: readonly VacancyAttachment[];
  onDelete?: (attachment: VacancyAttachment) => void;
  deleting?: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (attachments.length === 0) return <Text c="dimmed">{t("vacancies.files.none")}</Text>;
  return (
    <Stack gap="xs" component="ul" className="werkbrug-plain-list">
      {attachments.map((attachment) => (
        <Group key={attachment.id} component="li" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconPaperclip aria-hidden="true" size={18} />
            <Anchor href={attachment.url} download={attachment.fileName} style={{ overflowWrap: "anywhere" }}>
              {attachment.fileName}
            </Anchor>
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {fileSize(attachment.size, locale)}
            </Text>
          </Group>
          {onDelete && (
            <Button
              size="xs"
              variant="outline"
              color="red"
              leftSection={<IconTrash aria-hidden="true" size={14} />}
              loading={deleting === attachment.id}
              aria-label={t("vacancies.files.removeNamed", { name: attachment.fileName })}
              onClick={() => onDelete(attachment)}
            >
              {t("vacancies.files.remove")}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** "Afbeelding" and "Bijlage" of the Kansenportaal form; only once the vacancy exists. */
export function VacancyFiles({ vacancy }: { vacancy: Vacancy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: vacancyKeys.detail(vacancy.id) });

  const image = useMutation({
    mutationFn: (file: File) => uploadImage(vacancy.id, file),
    onSuccess: (saved) => {
      queryClient.setQueryData(vacancyKeys.detail(vacancy.id), saved);
      setDone(t("vacancies.files.imageSaved"));
    },
  });
  const dropImage = useMutation({
    mutationFn: () => removeImage(vacancy.id),
    onSuccess: (saved) => {
      queryClient.setQueryData(vacancyKeys.detail(vacancy.id), saved);
      setDone(t("vacancies.files.imageRemoved"));
    },
  });
  const attach = useMutation({
    mutationFn: (file: File) => uploadAttachment(vacancy.id, file),
    onSuccess: (attachment) => setDone(t("vacancies.files.attached", { name: attachment.fileName })),
    onSettled: refresh,
  });
  const detach = useMutation({
    mutationFn: (attachment: VacancyAttachment) => deleteAttachment(vacancy.id, attachment.id),
    onSuccess: (_, attachment) => setDone(t("vacancies.files.removed", { name: attachment.fileName })),
    onSettled: refresh,
  });

  function checked(file: File | null): File | null {
    setDone(null);
    setTooBig(null);
    if (!file) return null;
    if (file.size > MAX_FILE_BYTES) {
      setTooBig(t("vacancies.files.tooBig", { name: file.name }));
      return null;
    }
    return file;
  }

  return (
    <Section title={t("vacancies.files.title")}>
      <Stack gap="lg">
        {done && (
          <Notice color="green" status>
            {done}
          </Notice>
        )}
        {tooBig && <Notice color="red">{tooBig}</Notice>}
        <Stack gap="xs">
          <Text fw={700}>{t("vacancies.files.image")}</Text>
          <Text size="sm" c="dimmed">
            {t("vacancies.files.imageHint")}
          </Text>
          {vacancy.imageUrl && (
            <Image
              src={vacancy.imageUrl}
              alt={t("vacancies.files.imageAlt", { title: vacancy.displayTitle })}
              maw={240}
              radius="sm"
            />
          )}
          <FormError error={image.error ?? dropImage.error} />
          <Group gap="xs">
            <FileButton
              accept={IMAGE_TYPES.join(",")}
              onChange={(file) => {
                const ok = checked(file);
                if (ok) image.mutate(ok);
              }}
            >
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  leftSection={<IconPhoto aria-hidden="true" size={18} />}
                  loading={image.isPending}
                >
                  {t("vacancies.files.chooseImage")}
                </Button>
              )}
            </FileButton>
            {vacancy.imageUrl && (
              <Button variant="default" loading={dropImage.isPending} onClick={() => dropImage.mutate()}>
                {t("vacancies.files.removeImage")}
              </Button>
            )}
          </Group>
        </Stack>
        <Stack gap="xs">
          <Text fw={700}>{t("vacancies.files.attachments")}</Text>
          <Text size="sm" c="dimmed">
            {t("vacancies.files.attachmentHint")}
          </Text>
          <AttachmentList
            attachments={vacancy.attachments}
            onDelete={(attachment) => {
              setDone(null);
              detach.mutate(attachment);
            }}
            deleting={detach.isPending ? (detach.variables?.id ?? null) : null}
          />
          <FormError error={attach.error ?? detach.error} />
          <FileButton
            accept={ATTACHMENT_TYPES.join(",")}
            onChange={(file) => {
              const ok = checked(file);
              if (ok) attach.mutate(ok);
            }}
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconUpload aria-hidden="true" size={18} />}
                loading={attach.isPending}
                style={{ alignSelf: "flex-start" }}
              >
                {t("vacancies.files.addAttachment")}
              </Button>
            )}
          </FileButton>
        </Stack>
      </Stack>
    </Section>
  );
}
