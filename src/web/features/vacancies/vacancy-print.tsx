import { Button, Group, Image, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { Facts } from "../../ui/facts";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePortal } from "../portal/portal-context";
import { portalName } from "../portal/portal-query";
import { formatDay, formatHours, formatSalary, formatScale } from "./format";
import { PageLoader } from "./ui";
import classes from "./vacancies.module.css";
import { vacancyQuery } from "./vacancies-api";
import { useReferenceLabels, workAddressText } from "./vacancy-detail";

/**
 * "Print vacature": the vacancy alone on a white page, without the app around it, to print or
 * save as PDF from the browser's print window.
 */
export function VacancyPrint({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const { portal } = usePortal();
  const query = useQuery(vacancyQuery(id));
  const labels = useReferenceLabels();
  const title = query.data?.displayTitle;

  useEffect(() => {
    document.title = `${title ?? t("vacancies.print.title")} · ${portalName(portal, locale)}`;
  }, [title, portal, locale, t]);

  return (
    <main className={classes.printPage}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Notice color="red">{errorText(query.error)}</Notice>
      ) : (
        <Stack gap="lg">
          <Group justify="space-between" className={classes.noPrint}>
            <Button
              component={AppLink}
              href={`/vacaturebeheer/${id}`}
              variant="subtle"
              leftSection={<IconArrowLeft aria-hidden="true" size={16} />}
            >
              {t("vacancies.print.back")}
            </Button>
            <Button leftSection={<IconPrinter aria-hidden="true" size={18} />} onClick={() => window.print()}>
              {t("vacancies.print.print")}
            </Button>
          </Group>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text c="dimmed" fw={600}>
                {query.data.organisation.name}
                {query.data.workAddress.city ? ` · ${query.data.workAddress.city}` : ""}
              </Text>
              <Title order={1}>{query.data.displayTitle}</Title>
              <Text size="lg" c="dimmed">
                {query.data.functionTitle}
              </Text>
            </div>
            {query.data.imageUrl && <Image src={query.data.imageUrl} alt="" maw={160} />}
          </Group>
          <Facts
            items={[
              [t("vacancies.fields.kind"), t(`vacancies.kind.${query.data.kind}`)],
              [t("vacancies.fields.hours"), formatHours(query.data.hoursMin, query.data.hoursMax, t)],
              [t("vacancies.fields.educationLevel"), labels.educationLevel(query.data.educationLevel)],
              [t("vacancies.fields.functionGroup"), labels.functionGroup(query.data.functionGroup)],
              [t("vacancies.fields.occupation"), query.data.occupation?.label],
              [
                t("vacancies.fields.salaryScale"),
                formatScale(query.data.salaryScaleMin, query.data.salaryScaleMax, t),
              ],
              [
                t("vacancies.fields.salary"),
                formatSalary(query.data.salaryMin, query.data.salaryMax, locale, t),
              ],
              [
                t("vacancies.fields.duration"),
                query.data.durationKind === "temporary" && query.data.durationEndsOn
                  ? t("vacancies.duration.temporaryUntil", {
                      date: formatDay(query.data.durationEndsOn, locale),
                    })
                  : t(`vacancies.duration.${query.data.durationKind}`),
              ],
              [t("vacancies.fields.positions"), String(query.data.positions)],
              [t("vacancies.fields.workAddress"), workAddressText(query.data)],
              [
                t("vacancies.fields.closesOn"),
                query.data.publication.closesOn ? formatDay(query.data.publication.closesOn, locale) : null,
              ],
              [t("vacancies.fields.contact"), query.data.contact?.name],
            ]}
          />
          <section aria-labelledby="omschrijving">
            <Title order={2} size="h3" id="omschrijving" mb={4}>
              {t("vacancies.fields.description")}
            </Title>
            <Text className={classes.description}>{query.data.description || "–"}</Text>
          </section>
        </Stack>
      )}
    </main>
  );
}
