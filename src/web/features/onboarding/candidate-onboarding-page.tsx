import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../ui/dates";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, PlainBadge, Section } from "../vacancies/ui";
import { candidateOnboardingQuery } from "./onboarding-api";

/**
 * "Mijn inwerken": the new employee's learning material per job they were hired for; material
 * meant "from the first day" shows its date and opens from then on.
 */
export function CandidateOnboardingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(candidateOnboardingQuery);
  const errorText = useErrorText();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  if (query.data.hires.length === 0) return <Text>{t("onboarding.candidate.none")}</Text>;
  return (
    <Stack gap="lg">
      <Text>{t("onboarding.candidate.intro")}</Text>
      {query.data.hires.map((hire) => (
        <Section key={hire.id} title={`${hire.vacancyTitle} – ${hire.organisationName}`}>
          <Stack gap="sm">
            {hire.startDate && (
              <Text size="sm">
                {t("onboarding.candidate.startsOn", { date: formatDay(hire.startDate, locale) })}
              </Text>
            )}
            {hire.materials.length === 0 ? (
              <Text size="sm">{t("onboarding.candidate.noMaterial")}</Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {hire.materials.map((m) => (
                  <Stack gap={2} key={m.id} component="li">
                    {m.url ? (
                      <Anchor href={m.url} target="_blank" rel="noopener noreferrer" fw={600}>
                        {m.title}
                      </Anchor>
                    ) : (
                      <Text fw={600}>{m.title}</Text>
                    )}
                    {m.description && <Text size="sm">{m.description}</Text>}
                    <Group>
                      <PlainBadge color={m.available ? "teal.9" : "gray.8"}>
                        {m.available
                          ? t("onboarding.candidate.available")
                          : hire.startDate
                            ? t("onboarding.candidate.fromDate", { date: formatDay(hire.startDate, locale) })
                            : t("onboarding.candidate.fromFirstDay")}
                      </PlainBadge>
                    </Group>
                  </Stack>
                ))}
              </Stack>
            )}
          </Stack>
        </Section>
      ))}
    </Stack>
  );
}
