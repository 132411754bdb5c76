import { NavLink, Stack } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { activeMenuHref, type MenuItem } from "./menu";

export function MainMenu({ items, onNavigate }: { items: readonly MenuItem[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active = activeMenuHref(items, pathname);

  return (
    <Stack gap={2} component="ul" className="werkbrug-plain-list">
      {items.map((item) => {
        const ItemIcon = item.icon;
        const isActive = item.href === active;
        return (
          <li key={item.key}>
            {item.external ? (
              // A page the server renders: a full page load, outside the app's routes.
              <NavLink
                component="a"
                href={item.href}
                label={t(`menu.${item.key}`)}
                leftSection={<ItemIcon aria-hidden="true" size={20} stroke={1.75} />}
                fw={500}
              />
            ) : (
              <NavLink
                component={AppLink}
                href={item.href}
                label={t(`menu.${item.key}`)}
                leftSection={<ItemIcon aria-hidden="true" size={20} stroke={1.75} />}
                active={isActive}
                aria-current={isActive ? "page" : undefined}
                onClick={onNavigate}
                fw={isActive ? 700 : 500}
              />
            )}
          </li>
        );
      })}
    </Stack>
  );
}
