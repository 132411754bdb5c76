import { Badge, NavLink, Stack, VisuallyHidden } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { activeMenuHref, type MenuItem } from "./menu";

export interface MainMenuProps {
  items: readonly MenuItem[];
  /** Things waiting behind an item (unread messages), by the item's key; none shown for 0. */
  counts?: Readonly<Partial<Record<string, number>>>;
  onNavigate?: () => void;
}

/** A label too long for the menu's width (a long word in another language) wraps, never clipped. */
const WRAP_LABEL = { label: { overflowWrap: "anywhere" } } as const;

export function MainMenu({ items, counts = {}, onNavigate }: MainMenuProps) {
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
                styles={WRAP_LABEL}
                leftSection={<ItemIcon aria-hidden="true" size={20} stroke={1.75} />}
                fw={500}
              />
            ) : (
              <NavLink
                component={AppLink}
                href={item.href}
                label={t(`menu.${item.key}`)}
                styles={WRAP_LABEL}
                leftSection={<ItemIcon aria-hidden="true" size={20} stroke={1.75} />}
                rightSection={
                  <WaitingBadge
                    count={counts[item.key] ?? 0}
                    label={t("menu.waiting", { count: counts[item.key] ?? 0 })}
                  />
                }
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

/** A count beside a menu item; screen readers hear it as part of the link ("Berichten, 2 nieuw"). */
function WaitingBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <>
      <Badge size="sm" circle={count < 10} color="red.8" aria-hidden="true">
        {count > 99 ? "99+" : count}
      </Badge>
      <VisuallyHidden>, {label}</VisuallyHidden>
    </>
  );
}
