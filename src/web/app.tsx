import { MantineProvider, mergeThemeOverrides } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useMemo } from "react";
import { colorSchemeManager, DEFAULT_COLOR_SCHEME } from "./features/appearance/color-scheme";
import { resolveColorTokens, resolveVariantColors } from "./features/appearance/color-tokens";
import { PageTitleProvider } from "./features/navigation/page-title";
import { portalTheme } from "./features/portal/branding";
import { PortalProvider } from "./features/portal/portal-context";
import { currentPortalQuery } from "./features/portal/portal-query";
import { router } from "./router";
import { LoadingScreen, StartupErrorScreen } from "./routes/startup-screens";
import { UnknownPortalPage } from "./routes/unknown-portal";

export function App() {
  const current = useQuery(currentPortalQuery);
  const primaryColor = current.data?.portal?.primaryColor;
  const theme = useMemo(
    () => mergeThemeOverrides(portalTheme(primaryColor), { variantColorResolver: resolveVariantColors }),
    [primaryColor],
  );

  let content: React.ReactNode;
  if (current.isPending) {
    content = <LoadingScreen />;
  } else if (current.isError) {
    content = <StartupErrorScreen message={current.error.message} onRetry={() => void current.refetch()} />;
  } else if (!current.data.portal) {
    content = <UnknownPortalPage data={current.data} />;
  } else {
    content = (
      <PortalProvider value={{ portal: current.data.portal, portals: current.data.portals }}>
        <PageTitleProvider>
          <RouterProvider router={router} />
        </PageTitleProvider>
      </PortalProvider>
    );
  }

  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme={DEFAULT_COLOR_SCHEME}
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={resolveColorTokens}
    >
      {content}
    </MantineProvider>
  );
}
