import { Button, Group, Loader, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../ui/date-field";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import {
  AUDIT_EVENT_TYPES,
  AUDIT_PAGE_SIZE,
  type AuditEvent,
  type AuditFilter,
  fetchAudit,
} from "../settings/settings-api";
import { dateTimeFormat } from "./format";

const isKnownType = (type: string): boolean => (AUDIT_EVENT_TYPES as readonly string[]).includes(type);

/** A short, readable line of the details the server keeps (role, reason…), without raw JSON. */
function detailText(
  event: AuditEvent,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(event.details)) {
    if (value === null || value === undefined || typeof value === "object") continue;
    const text =
      key === "role" || key === "from" || key === "to"
        ? t(`roles.${String(value)}`, { defaultValue: String(value) })
        : String(value);
    parts.push(`${t(`admin.audit.detail.${key}`, { defaultValue: key })}: ${text}`);
  }
  return parts.join(" · ");
}

/** Sign-ins, second-factor changes, invitations and role changes in the admin's organisations. */
export function AuditLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditFilter>({ type: "", from: "", to: "" });
  const events = useInfiniteQuery({
    queryKey: ["admin", "audit", filter],
    queryFn: ({ pageParam, signal }) => fetchAudit(filter, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      last.events.length < AUDIT_PAGE_SIZE ? undefined : pages.length * AUDIT_PAGE_SIZE,
  });
  const format = dateTimeFormat(locale);
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const rangeInvalid = filter.from !== "" && filter.to !== "" && filter.from > filter.to;

  return (
    <Stack gap="md">
      <Text c="dimmed">{t("admin.audit.intro")}</Text>
      <Group gap="sm" align="flex-start" role="group" aria-label={t("admin.audit.filters")}>
        <NativeSelect
          label={t("admin.audit.type")}
          value={filter.type}
          onChange={(event) => {
            const value = event.currentTarget.value;
            const type = AUDIT_EVENT_TYPES.find((known) => known === value) ?? "";
            setFilter({ ...filter, type });
          }}
          data={[
            { value: "", label: t("admin.audit.allTypes") },
            ...AUDIT_EVENT_TYPES.map((value) => ({ value, label: t(`admin.audit.types.${value}`) })),
          ]}
        />
        <DateField
          label={t("admin.audit.from")}
          value={filter.from}
          max={filter.to || undefined}
          onChange={(day) => setFilter({ ...filter, from: day })}
        />
        <DateField
          label={t("admin.audit.to")}
          value={filter.to}
          min={filter.from || undefined}
          onChange={(day) => setFilter({ ...filter, to: day })}
          error={rangeInvalid ? t("admin.audit.rangeInvalid") : undefined}
        />
      </Group>
      {events.isPending ? (
        <Loader size="sm" aria-label={t("shell.loading")} />
      ) : events.isError && rows.length === 0 ? (
        <Notice color="red">{errorText(events.error)}</Notice>
      ) : rows.length === 0 ? (
        <Text role="status">{t("admin.audit.empty")}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" striped>
              <Table.Caption c="dimmed">{t("admin.audit.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("admin.audit.at")}</Table.Th>
                  <Table.Th scope="col">{t("admin.audit.event")}</Table.Th>
                  <Table.Th scope="col">{t("identity.email")}</Table.Th>
                  <Table.Th scope="col">{t("admin.audit.ip")}</Table.Th>
                  <Table.Th scope="col">{t("admin.audit.details")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{format.format(new Date(event.at))}</Table.Td>
                    <Table.Td>
                      {isKnownType(event.type) ? t(`admin.audit.types.${event.type}`) : event.type}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{event.email ?? "–"}</Table.Td>
                    <Table.Td>{event.ipAddress ?? "–"}</Table.Td>
                    <Table.Td>{detailText(event, t)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed" role="status">
            {t("admin.audit.count", { count: rows.length })}
          </Text>
          {events.isError && <Notice color="red">{errorText(events.error)}</Notice>}
          {events.hasNextPage && (
            <Button
              variant="outline"
              loading={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
              style={{ alignSelf: "flex-start" }}
            >
              {t("admin.audit.more")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
