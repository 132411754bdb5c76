import { Badge, Button, Drawer, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import type { AccessStatus } from "../../../contracts/employers";
import { intlLocale } from "../../i18n";
import * as dates from "../../ui/dates";
import { Dialog } from "../../ui/dialog";
import { FormError } from "../identity/forms";

/** Dark shades: white badge text on them passes the contrast check. */
export const ACCESS_COLOR: Record<AccessStatus, string> = {
  none: "gray.7",
  invited: "blue.9",
  active: "teal.9",
  expired: "pink.9",
  revoked: "red.9",
};

/** Badges keep their text visible to the contrast check (no clipped overflow). */
const BADGE_STYLE = { style: { overflow: "visible" }, styles: { label: { overflow: "visible" } } } as const;

export function AccessBadge({ status }: { status: AccessStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACCESS_COLOR[status]} variant="filled" {...BADGE_STYLE}>
      {t(`employers.access.${status}`)}
    </Badge>
  );
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="dark.6" variant="filled" {...BADGE_STYLE}>
      {t("employers.archived")}
    </Badge>
  );
}

export function formatDate(iso: string, locale: Locale): string {
  return dates.formatDate(iso, intlLocale(locale));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return dates.formatDateTime(iso, intlLocale(locale));
}

/** A calendar day (yyyy-mm-dd) as people write it, without a time zone shifting it. */
export function formatDay(iso: string, locale: Locale): string {
  return dates.formatDay(iso, intlLocale(locale));
}

/** "Zuidweg 41, 2671 MN Naaldwijk", or null when nothing is known. */
export function addressText(address: {
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
}): string | null {
  const street = [address.street, address.houseNumber].filter(Boolean).join(" ");
  const place = [address.postcode, address.city].filter(Boolean).join(" ");
  return [street, place].filter(Boolean).join(", ") || null;
}

/** A website as a link, with a scheme when the register gave none ("www.example.nl"). */
export function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

/**
 * The side panel (HalloWerk's "zijpaneel"): a drawer on the right. The header is a div, as a
 * <header> outside the main content would be a second banner landmark.
 */
export function SidePanel({
  opened,
  onClose,
  title,
  closeLabel,
  suspended = false,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  /** A dialog is open on top: it has the focus and the Escape key, not the panel. */
  suspended?: boolean;
  children: ReactNode;
}) {
  return (
    <Drawer.Root
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      trapFocus={!suspended}
      closeOnEscape={!suspended}
    >
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header {...({ component: "div" } as object)}>
          <Drawer.Title fw={700} fz="lg">
            {title}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={closeLabel} />
        </Drawer.Header>
        <Drawer.Body>{children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

/** "Are you sure?" with the action's own words on the button, and the API's refusal when it came. */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  text: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog opened onClose={onClose} title={title} closeLabel={t("employers.close")}>
      <Stack gap="md">
        {typeof text === "string" ? <Text>{text}</Text> : text}
        <FormError error={error} />
        <Group gap="sm">
          <Button color={danger ? "red.9" : undefined} loading={pending} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t("employers.cancel")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
