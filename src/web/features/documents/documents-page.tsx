import { Card, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MatchDocuments } from "../../../contracts/documents";
import { meQuery } from "../account/me-query";
import { Notice, useErrorText } from "../identity/forms";
import { contactDocumentsQuery } from "./documents-api";
import { MatchDocumentsList } from "./match-documents";

/** Matches grouped by vacancy, in the order the server gives them (vacancy title, candidate). */
function byVacancy(matches: MatchDocuments[]) {
  const groups = new Map<string, { title: string; matches: MatchDocuments[] }>();
  for (const match of matches) {
    const group = groups.get(match.vacancyId) ?? { title: match.vacancyTitle, matches: [] };
    group.matches.push(match);
    groups.set(match.vacancyId, group);
  }
  return [...groups.entries()];
}

function ContactDocuments() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const documents = useQuery(contactDocumentsQuery);
  if (documents.isPending) return <Loader aria-label={t("documents.loading")} />;
  if (documents.isError) return <Notice color="red">{errorText(documents.error)}</Notice>;
  if (documents.data.length === 0) return <Text c="dimmed">{t("documents.page.empty")}</Text>;
  return (
    <Stack gap="xl">
      {byVacancy(documents.data).map(([vacancyId, group]) => (
        <Stack key={vacancyId} gap="sm" component="section" aria-label={group.title}>
          <Title order={2} size="h3">
            {t("documents.page.vacancy", { title: group.title })}
          </Title>
          {group.matches.map((match) => (
            <Card key={match.matchId} withBorder padding="md" radius="md" component="article">
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {match.candidateName}
                </Title>
                <MatchDocumentsList data={match} />
              </Stack>
            </Card>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** "Documenten" for a contact person: the documents of visible types on the matches they see. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  if (me.isPending) return <Loader aria-label={t("documents.loading")} />;
  const user = me.data ?? null;
  if (!user) return <Navigate to="/inloggen" search={{ redirect: "/documenten" }} replace />;
  const contact = user.roles.includes("employer_contact") || user.roles.includes("hr_officer");
  return (
    <Stack gap="lg" maw={960} mx="auto">
      {/* The page's h1 is the shell's, from the route's title (documents.page.title). */}
      {contact ? (
        <>
          <Text c="dimmed">{t("documents.page.intro")}</Text>
          <ContactDocuments />
        </>
      ) : (
        <Notice color="orange">{t("documents.page.onlyContacts")}</Notice>
      )}
    </Stack>
  );
}
