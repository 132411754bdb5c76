import { ActionIcon, AppShell, Box, Burger, Group, ScrollArea, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconArrowLeft } from "@tabler/icons-react";
import { type ReactNode, useEffect, useRef } from "react";
import { AppLink } from "./app-link";
import classes from "./shell-layout.module.css";
import { SkipLink } from "./skip-link";

export const MAIN_CONTENT_ID = "inhoud";
const NAVBAR_WIDTH = 248;

export interface ShellNavigation {
  label: string;
  content: ReactNode;
  opened: boolean;
  onToggle: () => void;
  openLabel: string;
  closeLabel: string;
}

export interface ShellLayoutProps {
  skipLinkLabel: string;
  /** The page title, rendered as the page's only h1 (the HalloWerk "paginatitel"). */
  title: string;
  back?: { href: string; label: string } | null;
  brand: ReactNode;
  search?: ReactNode;
  /** Always in the top row (the account slot). */
  actions: ReactNode;
  /** Top row on wide screens, second row on phones (e.g. the language switch). */
  secondaryActions?: ReactNode;
  navigation?: ShellNavigation | null;
  /** Changes on every page change (the path): focus then moves to the page's heading. */
  pageKey?: string;
  children: ReactNode;
}

/**
 * After a page change the keyboard and screen reader continue at the new page's heading, not on
 * the link that led there or the body (WCAG 2.4.3). A page that put the cursor in its own content
 * (the sign-in form's field) keeps it. The first page load leaves focus to the browser.
 */
function useFocusHeadingOnPageChange(pageKey: string | undefined) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The start-up screens render this shell without a page; the first real page is no change.
  const shownPage = useRef(pageKey);
  useEffect(() => {
    const previous = shownPage.current;
    shownPage.current = pageKey;
    if (previous === undefined || previous === pageKey) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      const main = document.getElementById(MAIN_CONTENT_ID);
      if (active && active !== document.body && main?.contains(active)) return;
      headingRef.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pageKey]);
  return headingRef;
}

/**
 * Header (brand, back arrow + page title, search, account), main menu on the left and the main
 * content. Under `lg` brand, search and language move to a second header row; under `sm` the
 * menu also collapses behind a burger that takes the back arrow's place.
 */
export function ShellLayout({
  skipLinkLabel,
  title,
  back,
  brand,
  search,
  actions,
  secondaryActions,
  navigation,
  pageKey,
  children,
}: ShellLayoutProps) {
  const headingRef = useFocusHeadingOnPageChange(pageKey);
  const isMobile = useMediaQuery("(max-width: 47.99em)") ?? false;
  const navHidden = !navigation || (isMobile && !navigation.opened);

  return (
    <AppShell
      header={{ height: { base: 122, lg: 64 } }}
      navbar={
        navigation
          ? { width: NAVBAR_WIDTH, breakpoint: "sm", collapsed: { mobile: !navigation.opened } }
          : undefined
      }
      padding="md"
    >
      <SkipLink targetId={MAIN_CONTENT_ID} label={skipLinkLabel} />
      <AppShell.Header className={classes.header}>
        <Group h={64} px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap" className={classes.start}>
            {navigation && (
              <Burger
                opened={navigation.opened}
                onClick={navigation.onToggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navigation.opened ? navigation.closeLabel : navigation.openLabel}
                aria-expanded={navigation.opened}
                aria-controls="hoofdmenu"
              />
            )}
            <Box className={classes.brand} w={navigation ? NAVBAR_WIDTH - 32 : undefined} visibleFrom="lg">
              {brand}
            </Box>
            <Group gap={4} wrap="nowrap" className={classes.titleGroup}>
              {back && (
                <ActionIcon
                  component={AppLink}
                  href={back.href}
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={back.label}
                  visibleFrom={navigation ? "sm" : undefined}
                >
                  <IconArrowLeft aria-hidden="true" size={20} />
                </ActionIcon>
              )}
              <Title order={1} className={classes.title} ref={headingRef} tabIndex={-1} title={title}>
                {title}
              </Title>
            </Group>
          </Group>
          {search && (
            <Box className={classes.search} visibleFrom="lg">
              {search}
            </Box>
          )}
          {secondaryActions && (
            <Group gap="xs" wrap="nowrap" className={classes.actions} visibleFrom="lg">
              {secondaryActions}
            </Group>
          )}
          <Group gap="xs" wrap="nowrap" className={classes.actions}>
            {actions}
          </Group>
        </Group>
        {/* Phones and narrow windows: a second row, so the page title keeps the first row to itself
            and a long portal name, the search and English labels are not squeezed (issue 19). */}
        <Group px="md" pb="sm" gap="sm" wrap="nowrap" hiddenFrom="lg">
          <Box className={classes.rowBrand}>{brand}</Box>
          {search && <Box className={classes.mobileSearch}>{search}</Box>}
          {secondaryActions}
        </Group>
      </AppShell.Header>
      {navigation && (
        <AppShell.Navbar
          id="hoofdmenu"
          className={classes.navbar}
          aria-label={navigation.label}
          p="xs"
          // Off-canvas on mobile: keep its links out of the Tab order and screen reader while closed.
          inert={navHidden}
        >
          <AppShell.Section grow component={ScrollArea}>
            {navigation.content}
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
