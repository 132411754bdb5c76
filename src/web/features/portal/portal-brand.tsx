import { Box, Group, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import classes from "./portal-brand.module.css";

/** Logo (or the initial in the portal colour) and the portal name, linking to the home page. */
export function PortalBrand({
  name,
  logoUrl,
  linkHome = true,
}: {
  /** Null where no portal is known: then only the product name shows. */
  name: string | null;
  logoUrl: string | null;
  /** Off outside the router (the unknown-portal page), where "home" does not exist. */
  linkHome?: boolean;
}) {
  const { t } = useTranslation();
  // "Werkbrug Werkbrug Nederland" would be silly: name the product only when the portal does not.
  const showProduct = !name?.toLowerCase().includes("werkbrug");
  const content = (
    <Group gap="xs" wrap="nowrap">
      {logoUrl ? (
        <img src={logoUrl} alt="" className={classes.logo} />
      ) : (
        <Box className={classes.mark} aria-hidden="true">
          W
        </Box>
      )}
      <Box className={classes.text}>
        {showProduct && (
          <Text span size="xs" fw={600} c="dimmed" className={classes.product}>
            Werkbrug{" "}
          </Text>
        )}
        {name && (
          <Text span fw={700} c="bright" className={classes.name}>
            {name}
          </Text>
        )}
      </Box>
    </Group>
  );
  if (!linkHome) return name ? <Box title={name}>{content}</Box> : content;
  // Visible text first, then the destination: the accessible name contains what is seen.
  return (
    // A long name may be clamped to two lines: the tooltip shows it whole.
    <AppLink href="/" className={classes.brand} title={name ?? undefined}>
      {content}
      <VisuallyHidden>{t("brand.homeLink")}</VisuallyHidden>
    </AppLink>
  );
}
