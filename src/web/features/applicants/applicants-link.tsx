import { Button } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { applicantListQuery } from "./applicants-api";

/**
 * The way to a vacancy's applicants from its page: shown only to those who may see them (the
 * list answers them; anyone else gets a 404 and no button).
 */
export function ApplicantsLink({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ ...applicantListQuery(vacancyId, {}), throwOnError: false });
  if (!list.isSuccess) return null;
  return (
    <Button
      component={AppLink}
      href={`/vacaturebeheer/${vacancyId}/sollicitanten`}
      variant="light"
      leftSection={<IconUsers aria-hidden="true" size={16} />}
      style={{ alignSelf: "flex-start" }}
    >
      {t("applicants.link", { count: list.data.total })}
    </Button>
  );
}
