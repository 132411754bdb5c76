import { Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { forwardRef, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlacementOptionsResponse } from "../../../contracts/placements";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { meQuery } from "../account/me-query";
import { PlacementForm } from "./placement-form";
import { createPlacement, placementKeys, placementOptionsQuery } from "./placements-api";

/** Roles that record and keep placements (the server decides per employer; this only saves requests). */
const PLACING_ROLES = ["account_manager", "org_admin", "platform_admin"] as const;

export function useMayKeepPlacements(): boolean | undefined {
  const me = useQuery(meQuery);
  if (me.isPending) return undefined;
  const roles: readonly string[] = me.data?.roles ?? [];
  return PLACING_ROLES.some((role) => roles.includes(role));
}

/** The link to the recorded placement. */
export const PlacementLink = forwardRef<HTMLAnchorElement, { placementId: string; name: string }>(
  function PlacementLink({ placementId, name }, ref) {
    const { t } = useTranslation();
    return (
      <Button
        ref={ref}
        component={AppLink}
        href={`/plaatsingen/${placementId}`}
        size="compact-sm"
        variant="light"
        aria-label={t("placements.record.viewFor", { name })}
      >
        {t("placements.record.view")}
      </Button>
    );
  },
);

function RecordDialog({
  matchId,
  name,
  options,
  onClose,
  onCreated,
}: {
  matchId: string;
  name: string;
  options: PlacementOptionsResponse;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createPlacement,
    onSuccess: async (placement) => {
      // The row's button becomes "Plaatsing bekijken" at once; lists load afresh when opened.
      queryClient.setQueryData(placementKeys.options(matchId), { ...options, placement });
      await queryClient.invalidateQueries({ queryKey: placementKeys.all, refetchType: "none" });
      onCreated();
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("placements.record.title", { name })}
      closeLabel={t("placements.close")}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("placements.record.intro")}
        </Text>
        <PlacementForm
          approvers={options.approvers}
          submitLabel={t("placements.record.submit")}
          pending={create.isPending}
          error={create.error}
          onSubmit={(fields) => create.mutate({ ...fields, matchId })}
          onCancel={onClose}
        />
      </Stack>
    </Dialog>
  );
}

/**
 * On a match in a hired phase: "Plaatsing vastleggen" for those who may record its placement,
 * "Plaatsing bekijken" once there is one, and nothing for anyone else (no button into a 403).
 */
export function PlacementAction({ matchId, name }: { matchId: string; name: string }) {
  const { t } = useTranslation();
  const mayKeep = useMayKeepPlacements();
  const options = useQuery({ ...placementOptionsQuery(matchId), enabled: mayKeep === true });
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  // The dialog's button is gone once the placement exists: focus moves to its link instead.
  useEffect(() => {
    if (created) link.current?.focus();
  }, [created]);
  if (!options.data) return null;
  const { placement, mayPlace } = options.data;
  if (placement)
    return (
      <Group gap={6} wrap="nowrap" justify="flex-end">
        {created && (
          <Text size="sm" c="teal" role="status">
            {t("placements.record.saved")}
          </Text>
        )}
        <PlacementLink ref={link} placementId={placement.id} name={name} />
      </Group>
    );
  if (!mayPlace) return null;
  return (
    <>
      <Button
        size="compact-sm"
        onClick={() => setOpen(true)}
        aria-label={t("placements.record.buttonFor", { name })}
      >
        {t("placements.record.button")}
      </Button>
      {open && (
        <RecordDialog
          matchId={matchId}
          name={name}
          options={options.data}
          onClose={() => setOpen(false)}
          onCreated={() => {
            setOpen(false);
            setCreated(true);
          }}
        />
      )}
    </>
  );
}
