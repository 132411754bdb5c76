import { Anchor, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Placement, PlacementDetailResponse } from "../../../contracts/placements";
import { ApiError } from "../../api";
import { NotFoundPage } from "../../routes/not-found";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { formatDateTime, formatDay } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import { HoursChart } from "./hours-chart";
import { PlacementForm } from "./placement-form";
import { placementKeys, placementOptionsQuery, placementQuery, updatePlacement } from "./placements-api";
import { RequireRecruiter, StateBadge, useNumbers } from "./ui";
import { WeeksTable } from "./weeks-table";

/** "Wijzigen": the same form as when it was recorded, e.g. to set the end date. */
function EditDialog({
  placement,
  onClose,
  onSaved,
}: {
  placement: Placement;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The employer's contact persons who may approve; without them the current ones stay choosable.
  const options = useQuery(placementOptionsQuery(placement.matchId));
  const save = useMutation({
    mutationFn: (fields: Parameters<typeof updatePlacement>[1]) => updatePlacement(placement.id, fields),
    onSuccess: async (saved) => {
      queryClient.setQueryData(
        placementKeys.detail(placement.id),
        (old: PlacementDetailResponse | undefined) => (old ? { ...old, placement: saved } : old),
      );
      await queryClient.invalidateQueries({ queryKey: placementKeys.all });
      onSaved();
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("placements.edit.title")}
      closeLabel={t("placements.close")}
      size="lg"
    >
      {options.isPending ? (
        <PageLoader />
      ) : (
        <PlacementForm
          placement={placement}
          approvers={options.data?.approvers ?? []}
          submitLabel={t("placements.edit.submit")}
          pending={save.isPending}
          error={save.error}
          onSubmit={(fields) => save.mutate(fields)}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}

function PlacementFacts({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const numbers = useNumbers();
  const yesNo = (value: boolean) => (value ? t("placements.yes") : t("placements.no"));
  return (
    <Facts
      items={[
        [t("placements.facts.candidate"), placement.candidate.name],
        [
          t("placements.facts.vacancy"),
          <AppLink key="vacancy" href={`/vacaturebeheer/${placement.vacancy.id}`}>
            {placement.vacancy.displayTitle}
          </AppLink>,
        ],
        [t("placements.facts.employer"), placement.employer.name],
        [t("placements.facts.state"), <StateBadge key="state" state={placement.state} />],
        [t("placements.facts.start"), formatDay(placement.startDate, locale)],
        [
          t("placements.facts.end"),
          placement.endDate ? formatDay(placement.endDate, locale) : t("placements.facts.noEnd"),
        ],
        [
          t("placements.facts.approvers"),
          placement.approvers.length > 0
            ? placement.approvers.map((a) => a.name).join(", ")
            : t("placements.facts.noApprovers"),
        ],
        [t("placements.facts.needsClientApproval"), yesNo(placement.needsClientApproval)],
        [
          t("placements.facts.rate"),
          placement.rateCents === null
            ? t("placements.facts.noRate")
            : t("placements.facts.perHour", { amount: numbers.money(placement.rateCents) }),
        ],
        [t("placements.facts.nonBillable"), yesNo(placement.nonBillable)],
        [
          t("placements.facts.approvedBy"),
          placement.approvedByContacts
            ? t("placements.approvedBy.contacts")
            : `${t("placements.approvedBy.recruiter")} (${t("placements.approvedBy.why")})`,
        ],
        [t("placements.facts.waiting"), t("placements.facts.weeks", { count: placement.waiting })],
        [t("placements.facts.approvedHours"), numbers.hours(placement.approvedHours)],
        [
          t("placements.facts.recorded"),
          placement.createdBy
            ? t("placements.facts.recordedBy", {
                name: placement.createdBy.name,
                at: formatDateTime(placement.createdAt, locale),
              })
            : formatDateTime(placement.createdAt, locale),
        ],
      ]}
    />
  );
}

function PlacementView({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(placementQuery(id));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const name = query.data?.placement.candidate.name;
  usePageTitle(
    name ? t("placements.detail.titleOf", { name }) : t("placements.detail.title"),
    "/plaatsingen",
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return <Notice color="red">{errorText(query.error)}</Notice>;
  }
  const { placement, weeks, totals, mayEdit } = query.data;
  return (
    <Stack gap="lg">
      {saved && (
        <Notice color="green" status>
          {t("placements.edit.saved")}
        </Notice>
      )}
      <Section
        title={t("placements.detail.facts")}
        action={
          mayEdit ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t("placements.edit.button")}
            </Button>
          ) : undefined
        }
      >
        <PlacementFacts placement={placement} />
      </Section>
      <Section title={t("placements.detail.weeks")}>
        <WeeksTable weeks={weeks} totals={totals} />
      </Section>
      <Section title={t("placements.detail.chart")}>
        <HoursChart weeks={weeks} />
      </Section>
      <Text size="sm">
        <Anchor component={AppLink} href="/plaatsingen">
          {t("placements.detail.back")}
        </Anchor>
      </Text>
      {editing && (
        <EditDialog
          placement={placement}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
    </Stack>
  );
}

/** One placement: its terms, every week with totals, the chart of hours per week. */
export function PlacementPage({ id }: { id: string }) {
  return (
    <RequireRecruiter path={`/plaatsingen/${id}`}>
      {/* Keyed: another placement starts without an open dialog or an old notice. */}
      <PlacementView key={id} id={id} />
    </RequireRecruiter>
  );
}
