import {
  ActionIcon,
  type MantineColorScheme,
  Popover,
  Radio,
  Stack,
  useMantineColorScheme,
} from "@mantine/core";
import { IconDeviceDesktop, IconMoon, IconSun } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { COLOR_SCHEMES } from "./color-scheme";

const ICONS = { auto: IconDeviceDesktop, light: IconSun, dark: IconMoon } as const;

/**
 * "Systeem", "Licht" or "Donker" behind one header button: three radios are the plainest
 * keyboard and screen-reader form of a choice of three, and the header has no room for them open.
 * Picking applies at once; this browser remembers it (colorSchemeManager).
 */
export function ColorSchemeControl() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const Icon = ICONS[colorScheme];
  const label = t("appearance.label");

  return (
    <Popover position="bottom-end" withinPortal trapFocus returnFocus shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={`${label}: ${t(`appearance.schemes.${colorScheme}`)}`}
        >
          <Icon aria-hidden="true" size={20} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Radio.Group
          label={label}
          value={colorScheme}
          onChange={(value) => setColorScheme(value as MantineColorScheme)}
        >
          <Stack gap="xs" mt="xs">
            {COLOR_SCHEMES.map((scheme) => (
              <Radio key={scheme} value={scheme} label={t(`appearance.schemes.${scheme}`)} />
            ))}
          </Stack>
        </Radio.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
