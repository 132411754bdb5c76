import { Button, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../ui/dialog";
import { FormError, Notice } from "../identity/forms";
import { addToPool, poolKeys, poolListQuery } from "./talent-pools-api";
import { usePoolSide } from "./talent-pools-page";

/**
 * "Aan talentpool toevoegen": the team puts a candidate in one of its pools. Shown only to the
 * team (account managers and administrators); pools the candidate is already in are marked.
 */
export function AddToTalentPool({
  candidateId,
  name,
  compact = false,
}: {
  candidateId: string;
  name: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const side = usePoolSide();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [poolId, setPoolId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const pools = useQuery({ ...poolListQuery("team", candidateId), enabled: open && side === "team" });
  const add = useMutation({
    mutationFn: (id: string) => addToPool(id, candidateId, note.trim() || undefined),
    onSuccess: async (detail) => {
      setAdded(
        detail.pool.kind === "general"
          ? t("talentPools.general", { name: detail.pool.organisation.name })
          : detail.pool.name,
      );
      setPoolId(null);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
    },
  });
  if (side !== "team") return null;
  const label = (p: { kind: "general" | "client"; name: string; organisation: { name: string } }) =>
    p.kind === "general" ? t("talentPools.general", { name: p.organisation.name }) : p.name;
  return (
    <>
      <Button
        variant="light"
        size={compact ? "compact-sm" : "sm"}
        leftSection={compact ? undefined : <IconUsersGroup aria-hidden="true" size={18} />}
        aria-label={compact ? t("talentPools.addFor", { name }) : undefined}
        onClick={() => {
          add.reset();
          setAdded(null);
          setOpen(true);
        }}
      >
        {t("talentPools.add")}
      </Button>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("talentPools.addTitle", { name })}
        closeLabel={t("talentPools.close")}
      >
        <Stack gap="md">
          <FormError error={add.error} />
          {added && (
            <Notice color="green" status>
              {t("talentPools.added", { name, pool: added })}
            </Notice>
          )}
          {pools.data && pools.data.length === 0 ? (
            <Text c="dimmed">{t("talentPools.noPools")}</Text>
          ) : (
            <Select
              label={t("talentPools.pool")}
              placeholder={t("talentPools.choosePool")}
              data={(pools.data ?? []).map((p) => ({
                value: p.id,
                label: p.hasCandidate ? `${label(p)} (${t("talentPools.alreadyIn")})` : label(p),
                disabled: p.hasCandidate === true,
              }))}
              value={poolId}
              onChange={setPoolId}
              disabled={pools.isPending}
            />
          )}
          <Textarea
            label={t("talentPools.note")}
            description={t("talentPools.noteHelp")}
            value={note}
            maxLength={1000}
            autosize
            minRows={2}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("talentPools.close")}
            </Button>
            <Button disabled={!poolId} loading={add.isPending} onClick={() => poolId && add.mutate(poolId)}>
              {t("talentPools.addConfirm")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
