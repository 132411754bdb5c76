import { Alert, Button, Group, List, Stack, Switch, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { HOUR_KINDS, type HourKind, type Timesheet } from "../../../contracts/placements";
import { ApiError } from "../../api";
import { Dialog } from "../../ui/dialog";
import { Notice, useErrorText } from "../identity/forms";
import { useTimesheetFormat } from "./format";
import { HoursGrid } from "./hours-grid";
import { cacheTimesheet, refreshTimesheets, saveWeek, submitWeek } from "./timesheets-api";
import {
  type CellRef,
  type CellValue,
  cellKey,
  cellOfPath,
  cellProblem,
  entriesOf,
  gridOf,
  type HourGrid,
  hasOtherKinds,
  kindTotal,
} from "./week";

type Mode = "draft" | "submit";

interface Sent {
  mode: Mode;
  cells: CellRef[];
}

/** The server's field messages: at their cell, at the remark, or (anything else) in the alert. */
function placeErrors(error: unknown, cells: readonly CellRef[]) {
  const atCell: Record<string, string> = {};
  let remark: string | undefined;
  const other: string[] = [];
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      const cell = cellOfPath(field.path, cells);
      if (cell) atCell[cellKey(cell)] ??= field.message;
      else if (field.path === "remark") remark ??= field.message;
      else other.push(field.message);
    }
  }
  return { atCell, remark, other };
}

/** The candidate's week in a form: hours per day and kind, a remark, save as draft or send. */
export function WeekForm({ timesheet }: { timesheet: Timesheet }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { placementId, weekStart } = timesheet;
  const [grid, setGrid] = useState<HourGrid>(() => gridOf(weekStart, timesheet.entries));
  const [remark, setRemark] = useState(timesheet.remark);
  const [otherKinds, setOtherKinds] = useState(() => hasOtherKinds(gridOf(weekStart, timesheet.entries)));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<Sent>({ mode: "draft", cells: [] });

  const mutation = useMutation({
    mutationFn: ({ mode }: { mode: Mode; cells: CellRef[] }) => {
      const body = { entries: entriesOf(weekStart, grid).entries, remark: remark.trim() };
      return mode === "submit"
        ? submitWeek(placementId, weekStart, body)
        : saveWeek(placementId, weekStart, body);
    },
    onMutate: (variables) => setSent(variables),
    onSuccess: async (saved) => {
      setConfirming(false);
      cacheTimesheet(queryClient, saved);
      await refreshTimesheets(queryClient);
    },
    onError: () => setConfirming(false),
  });

  const withOthers = otherKinds || hasOtherKinds(grid);
  const kinds: readonly HourKind[] = withOthers ? HOUR_KINDS : ["normal"];
  const server = placeErrors(mutation.error, sent.cells);
  const cellErrors = { ...server.atCell, ...ownErrors };

  const change = (cell: CellRef, value: CellValue) => {
    setGrid((current) => {
      const column = [...current[cell.kind]];
      column[cell.day] = value;
      return { ...current, [cell.kind]: column };
    });
    const key = cellKey(cell);
    if (ownErrors[key]) setOwnErrors(({ [key]: _, ...rest }) => rest);
    mutation.reset();
  };

  /** Checks the cells the way the server will; on a problem, points at the first one. */
  const check = (): boolean => {
    const problems: Record<string, string> = {};
    timesheet.days.forEach((day, index) => {
      if (!day.inPlacement) return;
      for (const kind of HOUR_KINDS) {
        const problem = cellProblem(grid[kind][index] ?? "");
        if (problem) problems[cellKey({ day: index, kind })] = t(`timesheets.editor.problems.${problem}`);
      }
    });
    setOwnErrors(problems);
    if (Object.keys(problems).length === 0) return true;
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus(),
    );
    return false;
  };

  const send = (mode: Mode) => mutation.mutate({ mode, cells: entriesOf(weekStart, grid).cells });
  const total = HOUR_KINDS.reduce((sum, kind) => sum + kindTotal(grid, kind), 0);
  const saved = mutation.isSuccess && sent.mode === "draft";

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (check()) send("draft");
      }}
    >
      <Stack gap="md">
        {timesheet.status === "rejected" && (
          <Notice color="orange" title={t("timesheets.editor.rejectedTitle")}>
            {t("timesheets.editor.rejected", {
              name: timesheet.decidedBy?.name ?? t("timesheets.log.someone"),
              comment: timesheet.decisionComment ?? "",
            })}
          </Notice>
        )}
        {timesheet.days.some((d) => !d.inPlacement) && (
          <Text size="sm" c="dimmed">
            {t("timesheets.editor.outsideHint")}
          </Text>
        )}
        <Switch
          label={t("timesheets.editor.otherKinds")}
          description={hasOtherKinds(grid) ? t("timesheets.editor.otherKindsInUse") : undefined}
          checked={withOthers}
          disabled={hasOtherKinds(grid)}
          onChange={(event) => setOtherKinds(event.currentTarget.checked)}
        />
        <HoursGrid
          weekStart={weekStart}
          days={timesheet.days}
          kinds={kinds}
          grid={grid}
          errors={cellErrors}
          onChange={change}
        />
        <Textarea
          label={t("timesheets.editor.remark")}
          description={t("timesheets.editor.remarkHelp")}
          autosize
          minRows={2}
          maxLength={2000}
          value={remark}
          error={server.remark}
          onChange={(event) => {
            setRemark(event.currentTarget.value);
            mutation.reset();
          }}
        />
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorText(mutation.error)}
            {server.other.length > 0 && (
              <List size="sm" mt={4}>
                {server.other.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {saved && (
          <Notice color="green" status>
            {t("timesheets.editor.savedDraft")}
          </Notice>
        )}
        <Group>
          <Button type="submit" variant="default" loading={mutation.isPending && sent.mode === "draft"}>
            {t("timesheets.editor.saveDraft")}
          </Button>
          <Button
            disabled={mutation.isPending}
            onClick={() => {
              mutation.reset();
              if (check()) setConfirming(true);
            }}
          >
            {t("timesheets.editor.submit")}
          </Button>
        </Group>
      </Stack>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("timesheets.editor.confirmTitle", { week: format.weekNumber(weekStart) })}
        closeLabel={t("timesheets.close")}
      >
        <Stack gap="md">
          <Text>{t("timesheets.editor.confirmTotal", { hours: format.hours(total) })}</Text>
          <Text>{t("timesheets.editor.confirmText")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("timesheets.cancel")}
            </Button>
            <Button loading={mutation.isPending} onClick={() => send("submit")}>
              {t("timesheets.editor.submitConfirm")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </form>
  );
}
