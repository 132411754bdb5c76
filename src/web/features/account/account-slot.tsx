import { ActionIcon, Avatar, Button, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconLogin, IconSettings, IconUser } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
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
        <UnstyledButton aria-label={t("account.menuFor", { name: user.name })}>
          <Avatar src={user.avatarUrl ?? null} radius="xl" size={34} color="portal" alt="">
            {initials(user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="gray.9">
            {user.name}
          </Text>
        </Menu.Label>
        <Menu.Item
          component={AppLink}
          href="/profiel"
          leftSection={<IconUser aria-hidden="true" size={16} />}
        >
          {t("menu.profile")}
        </Menu.Item>
        <Menu.Item
          component={AppLink}
          href="/instellingen"
          leftSection={<IconSettings aria-hidden="true" size={16} />}
        >
          {t("menu.settings")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
