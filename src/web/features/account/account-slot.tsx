import { ActionIcon, Avatar, Button, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconLogin, IconLogout, IconSettings } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { useSignOut } from "../identity/use-sign-out";
import { menuRole } from "../navigation/menu";
import { meQuery } from "./me-query";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** Top-right corner: the avatar menu for a logged-in user, otherwise the way in. */
export function AccountSlot() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const signOut = useSignOut();

  if (me.isPending) return <Avatar radius="xl" size={34} aria-hidden="true" />;

  const user = me.data ?? null;
  if (!user) {
    return (
      <>
        <Button
          component={AppLink}
          href="/inloggen"
          variant="filled"
          size="sm"
          leftSection={<IconLogin aria-hidden="true" size={18} />}
          visibleFrom="xs"
        >
          {t("account.login")}
        </Button>
        {/* Narrow phones: the page title needs the room, so the way in becomes an icon. */}
        <ActionIcon
          component={AppLink}
          href="/inloggen"
          variant="filled"
          size="lg"
          aria-label={t("account.login")}
          hiddenFrom="xs"
        >
          <IconLogin aria-hidden="true" size={20} />
        </ActionIcon>
      </>
    );
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by hidden text, not aria-label: the visible initials must not contradict the name. */}
        <UnstyledButton>
          <Avatar src={user.avatarUrl ?? null} radius="xl" size={34} color="portal" alt="" aria-hidden="true">
            {initials(user.name)}
          </Avatar>
          <VisuallyHidden>{t("account.menuFor", { name: user.name })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="bright">
            {user.name}
          </Text>
          {user.roles.length > 0 && (
            <Text size="xs" c="dimmed">
              {t(`roles.${menuRole(user.roles)}`)}
            </Text>
          )}
        </Menu.Label>
        <Menu.Item
          component={AppLink}
          href="/instellingen"
          leftSection={<IconSettings aria-hidden="true" size={16} />}
        >
          {t("menu.settings")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout aria-hidden="true" size={16} />} onClick={() => void signOut()}>
          {t("account.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
