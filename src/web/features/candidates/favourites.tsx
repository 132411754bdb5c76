import { Anchor, Button, Pagination, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { IconStar, IconStarFilled } from "@tabler/icons-react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ContactHistoryResponseSchema,
  FavouriteStateSchema,
  FavouritesResponseSchema,
} from "../../../contracts/candidates";
import { api } from "../../api";
import { AppLink } from "../../ui/app-link";
import { markFavouriteInResults } from "../explorer/explorer-api";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";

type Sort = "name" | "saved" | "proposed" | "added";

const favouriteQuery = (id: string) =>
  queryOptions({
    queryKey: ["candidates", id, "favourite"],
    queryFn: ({ signal }) => api(`/api/v1/candidates/${id}/favourite`, FavouriteStateSchema, { signal }),
  });

/** The star: a favourite is private to the person who set it (HalloWerk "Favoriet maken"). */
export function FavouriteStar({ candidateId, name }: { candidateId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useQuery(favouriteQuery(candidateId));
  const on = state.data?.favourite ?? false;
  const toggle = useMutation({
    mutationFn: () =>
      api(`/api/v1/candidates/${candidateId}/favourite`, FavouriteStateSchema, {
        method: on ? "DELETE" : "PUT",
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(favouriteQuery(candidateId).queryKey, next);
      markFavouriteInResults(queryClient, candidateId, next.favourite);
      void queryClient.invalidateQueries({ queryKey: ["candidates", "favourites"] });
    },
  });
  return (
    <Button
      variant={on ? "filled" : "light"}
      aria-pressed={on}
      title={t(on ? "favourites.remove" : "favourites.add", { name })}
      leftSection={
        on ? <IconStarFilled aria-hidden="true" size={18} /> : <IconStar aria-hidden="true" size={18} />
      }
      loading={toggle.isPending}
      onClick={() => toggle.mutate()}
    >
      {on ? t("favourites.on") : t("favourites.off")}
    </Button>
  );
}

function SortHeader({
  label,
  column,
  sort,
  order,
  onSort,
}: {
  label: string;
  column: Sort;
  sort: Sort;
  order: "asc" | "desc";
  onSort: (column: Sort) => void;
}) {
  const active = sort === column;
  return (
    <Table.Th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
      <UnstyledButton onClick={() => onSort(column)} fw={700}>
        {label} {active ? (order === "asc" ? "↑" : "↓") : ""}
      </UnstyledButton>
    </Table.Th>
  );
}

/** "Favorieten": my candidates, with how often the team saved and proposed them; pages of 20. */
export function FavouritesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const [sort, setSort] = useState<Sort>("added");
  const [order, setOrder] = useState<"asc" | "desc">("desc");
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ["candidates", "favourites", sort, order, page],
    queryFn: ({ signal }) =>
      api(
        `/api/v1/candidates/favourites?sort=${sort}&order=${order}&page=${page}`,
        FavouritesResponseSchema,
        {
          signal,
        },
      ),
  });
  const onSort = (column: Sort) => {
    setOrder(column === sort && order === "asc" ? "desc" : "asc");
    setSort(column);
    setPage(1);
  };
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <Notice color="red">{errorText(list.error)}</Notice>;
  const { favourites, total, pageSize } = list.data;
  return (
    <Section title={t("favourites.title")}>
      {favourites.length === 0 ? (
        <Text>{t("favourites.empty")}</Text>
      ) : (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Caption c="dimmed">{t("favourites.caption", { count: total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader label={t("favourites.candidate")} column="name" {...{ sort, order, onSort }} />
                  <SortHeader label={t("favourites.saved")} column="saved" {...{ sort, order, onSort }} />
                  <SortHeader
                    label={t("favourites.proposed")}
                    column="proposed"
                    {...{ sort, order, onSort }}
                  />
                  <SortHeader label={t("favourites.added")} column="added" {...{ sort, order, onSort }} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {favourites.map((f) => (
                  <Table.Tr key={f.candidateId}>
                    <Table.Td>
                      <Anchor component={AppLink} href={`/kandidaten/${f.candidateId}`} fw={600}>
                        {f.name}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {[f.headline, f.city].filter(Boolean).join(" · ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.savedCount}</Table.Td>
                    <Table.Td>{f.proposedCount}</Table.Td>
                    <Table.Td>
                      <time dateTime={f.addedAt}>{formatDateTime(f.addedAt, locale)}</time>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > pageSize && (
            <Pagination
              total={Math.ceil(total / pageSize)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ "aria-label": t(`favourites.pager.${control}`) })}
            />
          )}
        </Stack>
      )}
    </Section>
  );
}

/** "Geschiedenis": candidates whose contact details I requested, last viewed first. */
export function ContactHistoryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ["candidates", "history", page],
    queryFn: ({ signal }) =>
      api(`/api/v1/candidates/history?page=${page}`, ContactHistoryResponseSchema, { signal }),
  });
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <Notice color="red">{errorText(list.error)}</Notice>;
  const { history, total, pageSize } = list.data;
  return (
    <Section title={t("contactHistory.title")}>
      {history.length === 0 ? (
        <Text>{t("contactHistory.empty")}</Text>
      ) : (
        <Stack gap="md">
          <Table striped>
            <Table.Caption c="dimmed">{t("contactHistory.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("favourites.candidate")}</Table.Th>
                <Table.Th scope="col">{t("contactHistory.lastViewed")}</Table.Th>
                <Table.Th scope="col">{t("contactHistory.views")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((h) => (
                <Table.Tr key={h.candidateId}>
                  <Table.Td>
                    <Anchor component={AppLink} href={`/kandidaten/${h.candidateId}`} fw={600}>
                      {h.name}
                    </Anchor>
                    {h.city && (
                      <Text size="sm" c="dimmed">
                        {h.city}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={h.lastViewedAt}>{formatDateTime(h.lastViewedAt, locale)}</time>
                  </Table.Td>
                  <Table.Td>{h.views}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {total > pageSize && (
            <Pagination
              total={Math.ceil(total / pageSize)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ "aria-label": t(`favourites.pager.${control}`) })}
            />
          )}
        </Stack>
      )}
    </Section>
  );
}
