import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Timesheet, TimesheetDecisionRequest } from "../../../contracts/placements";
import { ApiError } from "../../api";
import { Dialog } from "../../ui/dialog";
import { FormError } from "../identity/forms";
import { Section } from "../vacancies/ui";
import { cacheTimesheet, decideTimesheet, refreshTimesheets } from "./timesheets-api";

export type Decided = TimesheetDecisionRequest["decision"];

/** The server's message about the comment (required on rejection), for the field itself. */
function commentError(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const field = error.fields.find((f) => f.path === "comment");
  if (field) return field.message;
  return error.code === "timesheet_comment_required" ? error.message : undefined;
}

/** "Goedkeuren" at once, or "Afkeuren" with a reason the candidate reads (required). */
export function DecisionSection({
  timesheet,
  onDecided,
}: {
  timesheet: Timesheet;
  onDecided: (decision: Decided) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");
  const mutation = useMutation({
    mutationFn: (body: TimesheetDecisionRequest) => decideTimesheet(timesheet.id ?? "", body),
    onSuccess: async (decided, body) => {
      setRejecting(false);
      onDecided(body.decision);
      cacheTimesheet(queryClient, decided);
      await refreshTimesheets(queryClient);
    },
  });
  const rejectError = mutation.variables?.decision === "reject" ? mutation.error : null;
  const atComment = commentError(rejectError);
  return (
    <Section title={t("timesheets.decision.title")}>
      <Stack gap="sm">
        <Text>{t("timesheets.decision.intro")}</Text>
        {mutation.variables?.decision === "approve" && <FormError error={mutation.error} />}
        <Group>
          <Button
            color="teal.9"
            leftSection={<IconCheck size={18} aria-hidden="true" />}
            loading={mutation.isPending && mutation.variables?.decision === "approve"}
            onClick={() => mutation.mutate({ decision: "approve", comment: "" })}
          >
            {t("timesheets.decision.approve")}
          </Button>
          <Button
            color="red"
            variant="outline"
            leftSection={<IconX size={18} aria-hidden="true" />}
            disabled={mutation.isPending}
            onClick={() => {
              mutation.reset();
              setRejecting(true);
            }}
          >
            {t("timesheets.decision.reject")}
          </Button>
        </Group>
      </Stack>
      <Dialog
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t("timesheets.decision.rejectTitle")}
        closeLabel={t("timesheets.close")}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // The server says when the reason is missing, in the reader's language.
            mutation.mutate({ decision: "reject", comment: comment.trim() });
          }}
        >
          <Stack gap="md">
            <Textarea
              label={t("timesheets.decision.comment")}
              description={t("timesheets.decision.commentHelp")}
              withAsterisk
              aria-required
              autosize
              minRows={3}
              maxLength={2000}
              value={comment}
              error={atComment}
              onChange={(event) => setComment(event.currentTarget.value)}
              data-autofocus
            />
            {!atComment && <FormError error={rejectError} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t("timesheets.cancel")}
              </Button>
              <Button type="submit" color="red.9" loading={mutation.isPending}>
                {t("timesheets.decision.rejectSubmit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Section>
  );
}
