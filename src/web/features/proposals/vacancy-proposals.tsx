import { Badge, Button, Checkbox, Group, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MatchSummary, Proposal, VacancyProposalsResponse } from "../../../contracts/matches";
import { Dialog } from "../../ui/dialog";
import { FormError, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { matchKeys } from "../matches/matches-api";
import { formatDate } from "../vacancies/format";
import { proposalKeys, proposeCandidate, reviewersQuery, withdrawProposal } from "./proposals-api";

/** The phases a match may be proposed from (as the server decides). */
const PROPOSABLE = ["saved", "applied", "screening"];

function useRefresh(vacancyId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: matchKeys.ofVacancy(vacancyId) }),
      queryClient.invalidateQueries({ queryKey: proposalKeys.ofVacancy(vacancyId) }),
    ]);
}

/** "Voorstellen aan werkgever": the employer's contacts with portal access as checkboxes, a note. */
export function ProposeDialog({
  vacancyId,
  candidate,
  onClose,
}: {
  vacancyId: string;
  candidate: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reviewers = useQuery(reviewersQuery(vacancyId));
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const refresh = useRefresh(vacancyId);
  const mutation = useMutation({
    mutationFn: () => proposeCandidate(vacancyId, { candidateId: candidate.id, reviewerIds: chosen, note }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("proposals.propose.title", { name: candidate.name })}
      closeLabel={t("proposals.close")}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen.length === 0) {
            setMissing(true);
            return;
          }
          mutation.mutate();
        }}
      >
        <Stack gap="md">
          {reviewers.isPending && <Text c="dimmed">{t("proposals.loading")}</Text>}
          {reviewers.isError && <Text c="red">{errorText(reviewers.error)}</Text>}
          {reviewers.data && reviewers.data.length === 0 && <Text>{t("proposals.propose.noReviewers")}</Text>}
          {reviewers.data && reviewers.data.length > 0 && (
            <Checkbox.Group
              label={t("proposals.propose.reviewers")}
              description={t("proposals.propose.reviewersHelp")}
              value={chosen}
              onChange={(value) => {
                setChosen(value);
                setMissing(false);
              }}
              error={missing ? t("proposals.propose.chooseOne") : undefined}
              withAsterisk
            >
              <Stack gap={6} mt={6}>
                {reviewers.data.map((r) => (
                  <Checkbox
                    key={r.contactPersonId}
                    value={r.contactPersonId}
                    label={`${r.name} (${t(`proposals.languages.${r.language}`)})`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Textarea
            label={t("proposals.propose.note")}
            description={t("proposals.propose.noteHelp")}
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <FormError error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("proposals.cancel")}
            </Button>
            {reviewers.data && reviewers.data.length > 0 && (
              <Button type="submit" loading={mutation.isPending}>
                {t("proposals.propose.submit")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export function DecisionBadge({ decision }: { decision: Proposal["decision"] }) {
  const { t } = useTranslation();
  if (decision === "approved")
    return (
      <Badge color="teal.9" variant="filled">
        {t("proposals.decision.approved")}
      </Badge>
    );
  if (decision === "rejected")
    return (
      <Badge color="red.9" variant="filled">
        {t("proposals.decision.rejected")}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline">
      {t("proposals.decision.waiting")}
    </Badge>
  );
}

/**
 * A match's proposal on the staff vacancy page: who proposed it, when, to whom and the verdict,
 * with "Voorstel intrekken" while there is none; or "Voorstellen aan werkgever" for a match that
 * may be proposed. Nothing for those who may not propose and see no proposal.
 */
export function ProposalCell({
  vacancyId,
  match,
  phaseKey,
  data,
}: {
  vacancyId: string;
  match: MatchSummary;
  phaseKey: string;
  data: VacancyProposalsResponse | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [proposing, setProposing] = useState(false);
  const refresh = useRefresh(vacancyId);
  const withdraw = useMutation({ mutationFn: () => withdrawProposal(match.id), onSuccess: refresh });
  if (!data) return null;
  const proposal = data.proposals.find((p) => p.matchId === match.id);
  if (proposal)
    return (
      <Stack gap={2}>
        <Group gap={4}>
          <DecisionBadge decision={proposal.decision} />
          {proposal.unread && (
            <Badge color="red.9" variant="filled" size="sm">
              {t("proposals.newVerdict")}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t("proposals.proposedBy", {
            name: proposal.proposedBy?.name ?? "-",
            date: formatDate(proposal.proposedAt, locale),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t("proposals.to", { names: proposal.reviewers.map((r) => r.name).join(", ") })}
        </Text>
        {proposal.decision && proposal.comment && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {proposal.decidedBy?.name ? `${proposal.decidedBy.name}: ` : ""}“{proposal.comment}”
          </Text>
        )}
        {data.mayPropose && proposal.decision === null && (
          <>
            <Button
              size="compact-sm"
              variant="default"
              style={{ alignSelf: "flex-start" }}
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
              aria-label={t("proposals.withdrawFor", { name: match.candidate.name })}
            >
              {t("proposals.withdraw")}
            </Button>
            <FormError error={withdraw.error} />
          </>
        )}
      </Stack>
    );
  if (!data.mayPropose || !PROPOSABLE.includes(phaseKey) || match.state !== "active") return null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => setProposing(true)}
        aria-label={t("proposals.proposeFor", { name: match.candidate.name })}
      >
        {t("proposals.propose.action")}
      </Button>
      {proposing && (
        <ProposeDialog
          vacancyId={vacancyId}
          candidate={match.candidate}
          onClose={() => setProposing(false)}
        />
      )}
    </>
  );
}
