import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconBriefcase } from "@tabler/icons-react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CandidateVacanciesResponseSchema, VacancyListResponseSchema } from "../../../contracts/vacancies";
import { api } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { FormError } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { type RemoteOption, RemoteSelect } from "../vacancies/ui";

const onVacanciesQuery = (candidateId: string) =>
  queryOptions({
    queryKey: ["candidates", candidateId, "vacancies"],
    queryFn: ({ signal }) =>
      api(`/api/v1/candidates/${candidateId}/vacancies`, CandidateVacanciesResponseSchema, { signal }),
  });

/**
 * "Toevoegen aan vacature" (HalloWerk): choose a vacancy and save the candidate on it; the
 * dialog lists the vacancies this candidate is on for the whole team (date, vacancy, by,
 * proposed).
 */
export function AddToVacancy({ candidateId, name }: { candidateId: string; name: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [vacancy, setVacancy] = useState<RemoteOption | null>(null);
  const list = useQuery({ ...onVacanciesQuery(candidateId), enabled: open });
  const add = useMutation({
    mutationFn: (vacancyId: string) =>
      api(`/api/v1/candidates/${candidateId}/vacancies`, CandidateVacanciesResponseSchema, {
        method: "POST",
        body: { vacancyId },
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(onVacanciesQuery(candidateId).queryKey, next);
      setVacancy(null);
    },
  });
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconBriefcase aria-hidden="true" size={18} />}
        onClick={() => {
          add.reset();
          setOpen(true);
        }}
      >
        {t("addToVacancy.button")}
      </Button>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("addToVacancy.title", { name })}
        closeLabel={t("addToVacancy.close")}
        size="lg"
      >
        <Stack gap="md">
          <FormError error={add.error} />
          <Group align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <RemoteSelect
                label={t("addToVacancy.vacancy")}
                value={vacancy}
                cacheKey="staff-vacancies"
                load={async (q, signal) =>
                  (
                    await api(`/api/v1/vacancies?q=${encodeURIComponent(q)}`, VacancyListResponseSchema, {
                      signal,
                    })
                  ).vacancies.map((v) => ({
                    value: v.id,
                    label: `${v.displayTitle} – ${v.organisation.name}`,
                  }))
                }
                onChange={setVacancy}
              />
            </div>
            <Button
              disabled={!vacancy}
              loading={add.isPending}
              onClick={() => vacancy && add.mutate(vacancy.value)}
            >
              {t("addToVacancy.add")}
            </Button>
          </Group>
          {list.data && list.data.vacancies.length === 0 ? (
            <Text c="dimmed">{t("addToVacancy.none", { name })}</Text>
          ) : (
            list.data && (
              <Table striped>
                <Table.Caption c="dimmed">{t("addToVacancy.caption", { name })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("addToVacancy.date")}</Table.Th>
                    <Table.Th scope="col">{t("addToVacancy.vacancy")}</Table.Th>
                    <Table.Th scope="col">{t("addToVacancy.by")}</Table.Th>
                    <Table.Th scope="col">{t("addToVacancy.proposed")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.vacancies.map((v) => (
                    <Table.Tr key={v.vacancyId}>
                      <Table.Td>
                        <time dateTime={v.addedAt}>{formatDateTime(v.addedAt, locale)}</time>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={AppLink} href={`/vacaturebeheer/${v.vacancyId}`}>
                          {v.displayTitle}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {v.source === "applied" ? t("addToVacancy.applied") : (v.addedBy ?? "–")}
                      </Table.Td>
                      <Table.Td>{v.proposed ? t("addToVacancy.yes") : t("addToVacancy.no")}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          )}
        </Stack>
      </Dialog>
    </>
  );
}
