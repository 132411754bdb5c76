import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmployerListResponseSchema } from "../../../contracts/employers";
import type { TalentPool, TalentPoolMember } from "../../../contracts/talent-pools";
import { ApiError, api } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { meQuery } from "../account/me-query";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDate } from "../vacancies/format";
import { PageLoader, type RemoteOption, RemoteSelect, Section } from "../vacancies/ui";
import {
  contactVacanciesQuery,
  createClientPool,
  matchFromPool,
  type PoolSide,
  poolKeys,
  poolListQuery,
  poolQuery,
  removeFromPool,
} from "./talent-pools-api";

/** The side the signed-in person works on: the team keeps pools, a contact person browses them. */
export function usePoolSide(): PoolSide | null | undefined {
  const me = useQuery(meQuery);
  if (me.isPending) return undefined;
  const roles = me.data?.roles ?? [];
  if (roles.includes("account_manager") || roles.includes("org_admin")) return "team";
  if (roles.includes("employer_contact")) return "contact";
  return null;
}

function PoolName({ pool }: { pool: TalentPool }) {
  const { t } = useTranslation();
  return (
    <>
      {pool.kind === "general" ? t("talentPools.general", { name: pool.organisation.name }) : pool.name}{" "}
      <Badge variant="light" color={pool.kind === "general" ? "blue" : "grape"}>
        {t(`talentPools.kind.${pool.kind}`)}
      </Badge>
    </>
  );
}

/** "Nieuwe klantpool": the team makes the pool of one of its clients. */
function NewClientPool() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [employer, setEmployer] = useState<RemoteOption | null>(null);
  const create = useMutation({
    mutationFn: (employerId: string) => createClientPool(employerId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
      setOpen(false);
      setEmployer(null);
    },
  });
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {t("talentPools.newClientPool")}
      </Button>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("talentPools.newClientPool")}
        closeLabel={t("talentPools.close")}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("talentPools.newClientPoolHelp")}
          </Text>
          <FormError error={create.error} />
          <RemoteSelect
            label={t("talentPools.client")}
            value={employer}
            cacheKey="pool-employers"
            load={async (q, signal) =>
              (
                await api(`/api/v1/employers?q=${encodeURIComponent(q)}`, EmployerListResponseSchema, {
                  signal,
                })
              ).employers.map((e) => ({ value: e.id, label: e.name }))
            }
            onChange={setEmployer}
          />
          <Group justify="flex-end">
            <Button
              disabled={!employer}
              loading={create.isPending}
              onClick={() => employer && create.mutate(employer.value)}
            >
              {t("talentPools.create")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}

/** "Talentpools": the pools of the team, or those open to the contact person, with their sizes. */
export function TalentPoolsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const side = usePoolSide();
  const list = useQuery({ ...poolListQuery(side ?? "contact"), enabled: !!side });
  if (side === undefined || (side && list.isPending)) return <PageLoader />;
  if (side === null) return <Notice color="orange">{t("talentPools.notForYou")}</Notice>;
  if (list.isError) return <Notice color="red">{errorText(list.error)}</Notice>;
  const pools = list.data ?? [];
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Text c="dimmed">{t(side === "team" ? "talentPools.introTeam" : "talentPools.introContact")}</Text>
      <Section title={t("talentPools.pools")} action={side === "team" ? <NewClientPool /> : undefined}>
        {pools.length === 0 ? (
          <Text c="dimmed">{t("talentPools.noPools")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("talentPools.pool")}</Table.Th>
                  <Table.Th scope="col">{t("talentPools.candidates")}</Table.Th>
                  <Table.Th scope="col">{t("talentPools.since")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pools.map((pool) => (
                  <Table.Tr key={pool.id}>
                    <Table.Td>
                      <Anchor component={AppLink} href={`/talentpools/${pool.id}`} fw={700}>
                        {pool.kind === "general"
                          ? t("talentPools.general", { name: pool.organisation.name })
                          : pool.name}
                      </Anchor>{" "}
                      <Badge variant="light" color={pool.kind === "general" ? "blue" : "grape"}>
                        {t(`talentPools.kind.${pool.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{pool.memberCount}</Table.Td>
                    <Table.Td>{formatDate(pool.createdAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}

/** "Matchen met mijn vacatures": the contact picks one of their own vacancies. */
function MatchToVacancy({ poolId, member }: { poolId: string; member: TalentPoolMember }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [vacancyId, setVacancyId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const vacancies = useQuery({ ...contactVacanciesQuery, enabled: open });
  const match = useMutation({
    mutationFn: (id: string) => matchFromPool(poolId, member.candidate.id, id),
    onSuccess: async (_, id) => {
      setDone(vacancies.data?.find((v) => v.id === id)?.displayTitle ?? "");
      await queryClient.invalidateQueries({ queryKey: ["matches"] });
    },
  });
  const name = member.candidate.name;
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        aria-label={t("talentPools.matchFor", { name })}
        onClick={() => {
          match.reset();
          setDone(null);
          setVacancyId(null);
          setOpen(true);
        }}
      >
        {t("talentPools.match")}
      </Button>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("talentPools.matchTitle", { name })}
        closeLabel={t("talentPools.close")}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("talentPools.matchHelp")}
          </Text>
          <FormError error={match.error} />
          {done !== null && (
            <Notice color="green" status>
              {t("talentPools.matched", { name, vacancy: done })}
            </Notice>
          )}
          {vacancies.data && vacancies.data.length === 0 ? (
            <Text c="dimmed">{t("talentPools.noVacancies")}</Text>
          ) : (
            <Select
              label={t("talentPools.vacancy")}
              placeholder={t("talentPools.chooseVacancy")}
              data={(vacancies.data ?? []).map((v) => ({ value: v.id, label: v.displayTitle }))}
              value={vacancyId}
              onChange={setVacancyId}
              disabled={vacancies.isPending}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("talentPools.close")}
            </Button>
            <Button
              disabled={!vacancyId || done !== null}
              loading={match.isPending}
              onClick={() => vacancyId && match.mutate(vacancyId)}
            >
              {t("talentPools.matchConfirm")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}

function RemoveMember({ poolId, member }: { poolId: string; member: TalentPoolMember }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeFromPool(poolId, member.candidate.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.all }),
  });
  return (
    <Stack gap={2} align="flex-end">
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        loading={remove.isPending}
        aria-label={t("talentPools.removeFor", { name: member.candidate.name })}
        onClick={() => remove.mutate()}
      >
        {t("talentPools.remove")}
      </Button>
      <FormError error={remove.error} />
    </Stack>
  );
}

/** One pool: its candidates (no contact details), who added them and when. */
export function TalentPoolPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const side = usePoolSide();
  const query = useQuery({ ...poolQuery(side ?? "contact", id), enabled: !!side });
  if (side === undefined || (side && query.isPending)) return <PageLoader />;
  if (side === null) return <Notice color="orange">{t("talentPools.notForYou")}</Notice>;
  if (query.isError) {
    const gone = query.error instanceof ApiError && query.error.status === 404;
    return <Notice color="orange">{gone ? t("talentPools.notFound") : errorText(query.error)}</Notice>;
  }
  if (!query.data) return null;
  const { pool, members } = query.data;
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Text fw={700} fz="lg">
        <PoolName pool={pool} />
      </Text>
      <Text c="dimmed">
        {pool.kind === "general"
          ? t("talentPools.generalHelp", { name: pool.organisation.name })
          : t("talentPools.clientHelp", { name: pool.employer?.name ?? pool.name })}
      </Text>
      <Section title={t("talentPools.members", { count: members.length })}>
        {members.length === 0 ? (
          <Text c="dimmed">{t(side === "team" ? "talentPools.emptyTeam" : "talentPools.empty")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("talentPools.candidate")}</Table.Th>
                  <Table.Th scope="col">{t("talentPools.addedBy")}</Table.Th>
                  <Table.Th scope="col">{t("talentPools.addedAt")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("talentPools.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.candidate.id}>
                    <Table.Td>
                      <Anchor component={AppLink} href={`/kandidaten/${m.candidate.id}`} fw={700}>
                        {m.candidate.name}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {[
                          m.candidate.headline,
                          m.candidate.city,
                          m.candidate.hoursMax === null
                            ? null
                            : t("talentPools.hours", {
                                min: m.candidate.hoursMin ?? 0,
                                max: m.candidate.hoursMax,
                              }),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </Text>
                      {m.note && (
                        <Text size="sm" fs="italic" c="dimmed">
                          {m.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{m.addedBy?.name ?? "–"}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={m.addedAt}>{formatDate(m.addedAt, locale)}</time>
                    </Table.Td>
                    <Table.Td ta="right">
                      {side === "contact" ? (
                        <MatchToVacancy poolId={pool.id} member={m} />
                      ) : (
                        <RemoveMember poolId={pool.id} member={m} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
