import { localStorageColorSchemeManager, type MantineColorScheme } from "@mantine/core";

/**
 * Where this browser remembers the chosen scheme. public/color-scheme.js reads the same key
 * before the first paint, so a dark choice never flashes white while the app loads.
 */
export const COLOR_SCHEME_KEY = "werkbrug-color-scheme";

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

/** "auto" follows the system setting (prefers-color-scheme) and is what a new browser gets. */
export const DEFAULT_COLOR_SCHEME: MantineColorScheme = "auto";

export const COLOR_SCHEMES: readonly MantineColorScheme[] = ["auto", "light", "dark"];
