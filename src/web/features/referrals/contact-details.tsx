import { ActionIcon, Anchor, Box, SimpleGrid, Text } from "@mantine/core";
import { IconMapPin } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { numberFormat } from "../../../contracts/intl";
import { intlLocale } from "../../i18n";
import { Dialog } from "../../ui/dialog";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader } from "../vacancies/ui";
import { referralQuery } from "./referrals-api";

/** "12,4 km" in the screen's notation. */
export function useDistance(): (km: number) => string {
  const tag = intlLocale(useLocale());
  return (km) => `${numberFormat(tag, { maximumFractionDigits: 1 }).format(km)} km`;
}

/** The person's contact details with the distance from home to the vacancy's site. */
export function ContactDetails({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const distance = useDistance();
  const detail = useQuery(referralQuery(referralId));
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <Notice color="red">{errorText(detail.error)}</Notice>;
  const { contact, site, vacancy } = detail.data.referral;
  const none = t("referrals.contact.unknown");
  const rows: [string, React.ReactNode][] = [
    [
      t("referrals.contact.email"),
      contact.email ? (
        <Anchor key="email" href={`mailto:${contact.email}`}>
          {contact.email}
        </Anchor>
      ) : (
        none
      ),
    ],
    [
      t("referrals.contact.phone"),
      contact.phone ? (
        <Anchor key="phone" href={`tel:${contact.phone.replace(/[^+0-9]/g, "")}`}>
          {contact.phone}
        </Anchor>
      ) : (
        none
      ),
    ],
    [t("referrals.contact.postcode"), contact.postcode ?? none],
    [t("referrals.contact.city"), contact.city ?? none],
    [
      t("referrals.contact.distance", { place: site?.name ?? vacancy.city ?? vacancy.title }),
      contact.distanceKm === null ? none : distance(contact.distanceKm),
    ],
  ];
  return (
    <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <Text component="dt" fw={700} size="sm">
            {label}
          </Text>
          <Box component="dd" m={0} fz="sm" style={{ overflowWrap: "anywhere" }}>
            {value}
          </Box>
        </Fragment>
      ))}
    </SimpleGrid>
  );
}

/** The map-pin beside a name: opens the contact details (asked for only when opened). */
export function ContactButton({ referralId, name }: { referralId: string; name: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const label = t("referrals.contact.open", { name });
  return (
    <>
      <ActionIcon variant="subtle" aria-label={label} onClick={() => setOpened(true)}>
        <IconMapPin aria-hidden="true" size={18} />
      </ActionIcon>
      <Dialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={label}
        closeLabel={t("referrals.close")}
      >
        {opened && <ContactDetails referralId={referralId} />}
      </Dialog>
    </>
  );
}
