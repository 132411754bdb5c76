import { ActionIcon, TextInput, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The central search field of the header. Until the explorer exists it searches vacancies;
 * later the current page can take it over (candidates in the explorer, as in HalloWerk).
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const currentQuery = useRouterState({
    select: (s) =>
      s.location.pathname === "/vacatures" ? new URLSearchParams(s.location.searchStr).get("q") : null,
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
          void navigate({ to: "/vacatures", search: q ? { q } : {} });
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
            <ActionIcon type="submit" variant="subtle" color="gray.9" aria-label={t("search.submit")}>
              <IconSearch aria-hidden="true" size={16} />
            </ActionIcon>
          }
          radius="xl"
        />
      </form>
    </search>
  );
}
