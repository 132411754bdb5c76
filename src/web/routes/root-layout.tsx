import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { AccountSlot } from "../features/account/account-slot";
import { meQuery } from "../features/account/me-query";
import { ColorSchemeControl } from "../features/appearance/color-scheme-control";
import { CandidateIntakeGate } from "../features/candidates/intake-gate";
import { LanguageControl, useLocale } from "../features/language/language-control";
import { useUnreadMessages } from "../features/messages/messages-api";
import { MainMenu } from "../features/navigation/main-menu";
import { MENU_BY_ROLE, type MenuRole, menuRoleOnSide } from "../features/navigation/menu";
import { useMenuConditions } from "../features/navigation/menu-conditions";
import { useResolvedPageTitle } from "../features/navigation/page-title";
import { SearchBox } from "../features/navigation/search-box";
import { useSide } from "../features/navigation/side";
import { SideSwitch } from "../features/navigation/side-switch";
import { PortalBrand } from "../features/portal/portal-brand";
import { usePortal } from "../features/portal/portal-context";
import { portalName } from "../features/portal/portal-query";
import { useTimesheetMenu } from "../features/timesheets/timesheets-api";
import { ShellLayout } from "../ui/shell-layout";

export const TWO_FACTOR_SETUP_PATH = "/beveiliging-instellen";
/** What staff without a second factor may still open: the set-up itself, leaving, and About. */
const OPEN_BEFORE_TWO_FACTOR = new Set([TWO_FACTOR_SETUP_PATH, "/uitloggen", "/over"]);
const TEAM_MESSAGING_ROLES: ReadonlySet<MenuRole> = new Set([
  "employer_contact",
  "account_manager",
  "org_admin",
]);

export function RootLayout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { portal } = usePortal();
  const name = portalName(portal, locale);
  const me = useQuery(meQuery);
  const [menuOpened, setMenuOpened] = useState(false);
  const side = useSide();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const page = useResolvedPageTitle((key) => t(key, { portal: name }));
  const title = page?.title ?? name;

  useEffect(() => {
    document.title = title === name ? `${name} · Werkbrug` : `${title} · ${name}`;
  }, [title, name]);

  // A page change on a phone should show the page, not the menu that led there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation by design
  useEffect(() => setMenuOpened(false), [pathname]);

  // The server refuses staff without a second factor everything else (403 two_factor_required);
  // sending them to the set-up keeps them from a page of errors.
  const mustSetUpTwoFactor = me.data?.needsTwoFactorSetup === true && !OPEN_BEFORE_TWO_FACTOR.has(pathname);

  const menuRole = menuRoleOnSide(me.data ? me.data.roles : null, side);
  // Contacts and their recruiter team message each other; the count waits beside "Berichten".
  const unreadMessages = useUnreadMessages(TEAM_MESSAGING_ROLES.has(menuRole));
  // "Urenstaten": for a candidate only once placed; for a contact with the weeks waiting.
  const timesheetMenu = useTimesheetMenu(menuRole);
  const conditions = useMenuConditions(menuRole, timesheetMenu.placed);
  const items = MENU_BY_ROLE[menuRole].filter((item) => !item.when || conditions[item.when]);

  return (
    <ShellLayout
      skipLinkLabel={t("shell.skipLink")}
      title={title}
      pageKey={pathname}
      back={page?.parent ? { href: backFor(page.parent, menuRole), label: t("shell.back") } : null}
      brand={<PortalBrand name={name} logoUrl={portal.logoUrl} />}
      search={<SearchBox />}
      secondaryActions={
        <>
          <SideSwitch />
          <LanguageControl />
        </>
      }
      actions={
        <>
          <ColorSchemeControl />
          <AccountSlot />
        </>
      }
      navigation={{
        label: t("shell.mainMenu"),
        opened: menuOpened,
        onToggle: () => setMenuOpened((o) => !o),
        openLabel: t("shell.openMenu"),
        closeLabel: t("shell.closeMenu"),
        content: (
          <MainMenu items={items} counts={{ messages: unreadMessages, timesheets: timesheetMenu.waiting }} />
        ),
      }}
    >
      {mustSetUpTwoFactor ? (
        <Navigate to={TWO_FACTOR_SETUP_PATH} replace />
      ) : (
        <CandidateIntakeGate>
          <Outlet />
        </CandidateIntakeGate>
      )}
    </ShellLayout>
  );
}

/**
 * Where the back arrow leads for this role: leaders and jury members reach a vacancy's
 * applicants from their own list of selections, not from the vacancy management they lack.
 */
function backFor(parent: string, role: string): string {
  if (parent === "/vacaturebeheer" && (role === "jury_member" || role === "line_manager"))
    return "/selecties";
  return parent;
}
