import { Anchor, AspectRatio, Group, SimpleGrid, Stack, VisuallyHidden } from "@mantine/core";
import { IconExternalLink, IconVideo } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { CandidateProfile } from "../../../contracts/candidates";

type Video = CandidateProfile["media"]["videos"][number];

/**
 * Videos as players only when the viewer consented to third-party cookies (the server then
 * gives an embed URL); otherwise as plain links that open the video's own site.
 */
export function VideoList({ videos }: { videos: readonly Video[] }) {
  const { t } = useTranslation();
  const embedded = videos.filter((v) => v.embedUrl);
  const linked = videos.filter((v) => !v.embedUrl);
  return (
    <Stack gap="sm">
      {embedded.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {embedded.map((video, i) => (
            <AspectRatio key={video.url} ratio={16 / 9}>
              <iframe
                src={video.embedUrl ?? undefined}
                title={video.title || t("profile.media.videoNumber", { number: i + 1 })}
                allow="encrypted-media; picture-in-picture; fullscreen"
                referrerPolicy="strict-origin-when-cross-origin"
                loading="lazy"
                style={{ border: 0 }}
              />
            </AspectRatio>
          ))}
        </SimpleGrid>
      )}
      {linked.length > 0 && (
        <Stack gap={4} component="ul" className="werkbrug-plain-list">
          {linked.map((video) => (
            <Group key={video.url} component="li" gap="xs" wrap="nowrap">
              <IconVideo aria-hidden="true" size={18} />
              <Anchor
                href={video.url}
                target="_blank"
                rel="noopener noreferrer"
                style={{ overflowWrap: "anywhere" }}
              >
                {video.title || video.url}
                <IconExternalLink
                  aria-hidden="true"
                  size={14}
                  style={{ marginLeft: 4, verticalAlign: "middle" }}
                />
                <VisuallyHidden> {t("profile.media.newWindow")}</VisuallyHidden>
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
