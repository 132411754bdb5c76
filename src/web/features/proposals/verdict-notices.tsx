import { Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { Section } from "../vacancies/ui";
import { notificationsQuery, proposalKeys, readNotification } from "./proposals-api";

/**
 * "Oordelen op je voorstellen" on the account manager's home: the contacts' verdicts on their
 * proposals, unread first counted, each linking to the vacancy (and marked read when followed).
 */
export function ProposalVerdicts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const query = useQuery(notificationsQuery);
  const read = useMutation({
    mutationFn: readNotification,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proposalKeys.notifications }),
  });
  if (query.isPending) return null;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const verdicts = query.data.notifications.filter((n) => n.kind.startsWith("proposal_")).slice(0, 10);
  return (
    <Section
      title={t("proposals.home.title")}
      action={
        <Badge
          color={query.data.unread > 0 ? "red.9" : "gray.8"}
          variant={query.data.unread > 0 ? "filled" : "outline"}
        >
          {t("proposals.home.unread", { count: query.data.unread })}
        </Badge>
      }
    >
      {verdicts.length === 0 ? (
        <Text c="dimmed">{t("proposals.home.none")}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" ps={0}>
          {verdicts.map((n) => (
            <List.Item key={n.id}>
              <Stack gap={0}>
                <Group gap="xs">
                  {!n.readAt && (
                    <Badge color="red.9" variant="filled" size="sm">
                      {t("proposals.newVerdict")}
                    </Badge>
                  )}
                  <Anchor
                    component={AppLink}
                    href={`/vacaturebeheer/${n.vacancyId ?? ""}`}
                    fw={600}
                    onClick={() => {
                      if (!n.readAt) read.mutate(n.id);
                    }}
                  >
                    {t(
                      n.kind === "proposal_approved" ? "proposals.home.approved" : "proposals.home.rejected",
                      {
                        candidate: n.data.candidateName ?? "",
                        reviewer: n.data.reviewerName ?? "",
                      },
                    )}
                  </Anchor>
                </Group>
                <Text size="sm" c="dimmed">
                  {n.data.vacancyTitle} ·{" "}
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
                </Text>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
