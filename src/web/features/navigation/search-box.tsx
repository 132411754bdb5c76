import { ActionIcon, TextInput, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useRouter, useRouterState } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../account/me-query";
import { MENU_BY_ROLE, menuRoleOnSide } from "./menu";
import { useSide } from "./side";

/** The server's public job board, for visitors and roles without vacancy screens of their own. */
const JOB_BOARD = { href: "/vacatures", external: true };

/**
 * The central search field of the header. Until the explorer exists it searches vacancies
 * where this person's menu has them: the overview for staff, the "kansen" for candidates,
 * the public job board for visitors. Later the current page can take it over (candidates in
 * the explorer, as in HalloWerk).
 */
export function SearchBox() {
  const { t } = useTranslation();
  const router = useRouter();
  const id = useId();
  const me = useQuery(meQuery);
  const side = useSide();
  const target =
    MENU_BY_ROLE[menuRoleOnSide(me.data ? me.data.roles : null, side)].find(
      (item) => item.key === "vacancies",
    ) ?? JOB_BOARD;
  const currentQuery = useRouterState({
    select: (s) =>
      s.location.pathname === target.href ? new URLSearchParams(s.location.searchStr).get("q") : null,
  });
  const [value, setValue] = useState(currentQuery ?? "");

  useEffect(() => {
    if (currentQuery !== null) setValue(currentQuery);
  }, [currentQuery]);

  return (
    <search aria-label={t("search.region")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const q = value.trim();
          const href = q ? `${target.href}?${new URLSearchParams({ q })}` : target.href;
          if (target.external) window.location.assign(href);
          else void router.navigate({ href });
        }}
      >
        <TextInput
          id={id}
          type="search"
          label={<VisuallyHidden>{t("search.label")}</VisuallyHidden>}
          placeholder={t("search.placeholder")}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          leftSection={<IconSearch aria-hidden="true" size={18} />}
          rightSectionWidth={40}
          rightSection={
            <ActionIcon type="submit" variant="subtle" color="gray" aria-label={t("search.submit")}>
              <IconSearch aria-hidden="true" size={16} />
            </ActionIcon>
          }
          radius="xl"
        />
      </form>
    </search>
  );
}
