import { Alert, Button, Group, Stack, Stepper, Text, Title } from "@mantine/core";
import { IconDeviceFloppy, IconSend } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Answers,
  type AnswerValue,
  type ApplyStep,
  ELIGIBILITY_SECTION,
  type FormDefinition,
  type FormSection,
  type UploadedFile,
} from "../../../contracts/forms";
import type { Application } from "../../../contracts/vacancies";
import { ApiError } from "../../api";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { AnswerInput } from "./answer-input";
import { AnswersView } from "./answers-view";
import { applyFormQuery, saveDraft, submitApplication, uploadAnswerFile } from "./forms-api";

/** Which step asks a section: eligibility first, files under "CV and documents", the rest in the form. */
function stepOf(section: FormSection): Exclude<ApplyStep, "review"> {
  if (section.key === ELIGIBILITY_SECTION) return "eligibility";
  if (section.fields.length > 0 && section.fields.every((f) => f.kind === "file")) return "documents";
  return "form";
}

/** The steps this form has (one without questions is left out), then the review. */
function stepsOf(definition: FormDefinition): ApplyStep[] {
  const present = new Set(definition.sections.map(stepOf));
  return [...(["eligibility", "form", "documents"] as const).filter((s) => present.has(s)), "review"];
}

/** The knock-out an answer on the eligibility step hits, if any. */
function knockOut(definition: FormDefinition, answers: Answers) {
  for (const section of definition.sections) {
    if (section.key !== ELIGIBILITY_SECTION) continue;
    for (const field of section.fields) {
      const value = answers[field.key];
      const given =
        typeof value === "boolean" ? (value ? "yes" : "no") : typeof value === "string" ? value : null;
      if (field.knockOut && given !== null && field.knockOut.answers.includes(given)) return field;
    }
  }
  return null;
}

/**
 * Applying through the vacancy's form (Vlimpers): eligibility questions, the form, CV and
 * documents, review, submit. "Concept opslaan" keeps the answers; moving on saves them too, and
 * a refused submit leaves the draft as it was, with each problem shown at its question.
 */
export function ApplyStepper({
  vacancyId,
  onDone,
  onCancel,
}: {
  vacancyId: string;
  onDone: (application: Application) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lang = locale === "en" ? "en" : "nl";
  const queryClient = useQueryClient();
  const query = useQuery(applyFormQuery(vacancyId));
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [files, setFiles] = useState<UploadedFile[] | null>(null);
  const [step, setStep] = useState<ApplyStep | null>(null);
  const [saved, setSaved] = useState(false);
  const [stopped, setStopped] = useState<string | null>(null);
  const action = useBusyAction();
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (query.isPending) return <Text>{t("forms.apply.loading")}</Text>;
  if (query.isError) return <FormError error={query.error} />;
  const form = query.data.form;
  if (!form) return null;
  const definition = form.definition;
  const steps = stepsOf(definition);
  // Without a draft, the profile's answers (diploma level, languages) are where the form starts.
  const current: Answers = answers ?? query.data.draft?.answers ?? query.data.prefill;
  const uploaded = files ?? query.data.files;
  const at: ApplyStep =
    step ?? (query.data.draft && steps.includes(query.data.draft.step) ? query.data.draft.step : steps[0]!);
  const index = steps.indexOf(at);
  const errorAt = (key: string) =>
    action.error instanceof ApiError
      ? action.error.fields.find((f) => f.path === `answers.${key}`)?.message
      : undefined;

  function change(key: string, value: AnswerValue) {
    setSaved(false);
    setStopped(null);
    setAnswers({ ...current, [key]: value });
  }

  function go(next: ApplyStep) {
    setStep(next);
    setSaved(false);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  const save = (next: ApplyStep = at) =>
    action.run(async () => {
      await saveDraft(vacancyId, current, next);
      setSaved(next === at);
      if (next !== at) go(next);
    });

  function forward() {
    if (at === "eligibility") {
      const hit = knockOut(definition, current);
      if (hit) {
        setStopped(hit.knockOut!.message[lang] || hit.knockOut!.message.nl);
        return;
      }
    }
    void save(steps[index + 1]!);
  }

  const submit = () =>
    action.run(async () => {
      await saveDraft(vacancyId, current, "review");
      try {
        const application = await submitApplication(vacancyId);
        await queryClient.invalidateQueries({ queryKey: ["application-forms", "apply", vacancyId] });
        await queryClient.invalidateQueries({ queryKey: ["kansen"] });
        void queryClient.invalidateQueries({ queryKey: ["applications"] });
        onDone(application);
      } catch (error) {
        // Back to the first question with a problem, where its message shows.
        if (error instanceof ApiError && error.fields.length > 0) {
          const key = error.fields[0]!.path.replace(/^answers\./, "");
          const section = definition.sections.find((s) => s.fields.some((f) => f.key === key));
          if (section) go(stepOf(section));
        }
        throw error;
      }
    });

  async function upload(key: string, file: File) {
    await action.run(async () => {
      const stored = await uploadAnswerFile(vacancyId, key, file);
      setFiles([...uploaded, stored]);
      const next = { ...current, [key]: { fileId: stored.id } };
      setAnswers(next);
      await saveDraft(vacancyId, next, at);
    });
  }

  const sections = definition.sections.filter((s) => at !== "review" && stepOf(s) === at);
  const serverFields = action.error instanceof ApiError && action.error.fields.length > 0;

  return (
    <Stack gap="md">
      <Stepper active={index} size="sm" aria-label={t("forms.apply.steps")}>
        {steps.map((s) => (
          <Stepper.Step key={s} label={t(`forms.apply.step.${s}`)} />
        ))}
      </Stepper>
      <Title order={3} size="h4" ref={headingRef} tabIndex={-1}>
        {t(`forms.apply.step.${at}`)}
      </Title>
      {saved && (
        <Notice color="green" status>
          {t("forms.apply.saved")}
        </Notice>
      )}
      {stopped && (
        <Alert color="red" variant="light" role="alert" title={t("forms.apply.stoppedTitle")}>
          {stopped}
        </Alert>
      )}
      {(action.error !== null && !serverFields) || (serverFields && at === "review") ? (
        <FormError error={action.error} />
      ) : null}
      {serverFields && at !== "review" && (
        <Alert color="red" variant="light" role="alert">
          {(action.error as ApiError).message}
        </Alert>
      )}
      {sections.map((section) => (
        <Stack key={section.key} gap="sm">
          {sections.length > 1 && (
            <Title order={4} size="h5">
              {section.title[lang] || section.title.nl}
            </Title>
          )}
          {section.fields.map((field) => (
            <AnswerInput
              key={field.key}
              field={field}
              value={current[field.key]}
              onChange={(value) => change(field.key, value)}
              error={errorAt(field.key)}
              files={uploaded}
              onUpload={(file) => upload(field.key, file)}
            />
          ))}
        </Stack>
      ))}
      {at === "review" && (
        <Stack gap="sm">
          <Text>{t("forms.apply.reviewIntro")}</Text>
          <AnswersView definition={definition} answers={current} files={uploaded} errorAt={errorAt} />
        </Stack>
      )}
      <Group justify="space-between">
        <Group gap="xs">
          {index > 0 && (
            <Button variant="default" onClick={() => void save(steps[index - 1]!)} disabled={action.busy}>
              {t("forms.apply.back")}
            </Button>
          )}
          <Button
            variant="light"
            leftSection={<IconDeviceFloppy aria-hidden="true" size={16} />}
            loading={action.busy}
            onClick={() => void save()}
          >
            {t("forms.apply.saveDraft")}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t("forms.apply.close")}
          </Button>
        </Group>
        {at === "review" ? (
          <Button
            leftSection={<IconSend aria-hidden="true" size={16} />}
            loading={action.busy}
            onClick={() => void submit()}
          >
            {t("forms.apply.submit")}
          </Button>
        ) : (
          <Button onClick={forward} loading={action.busy}>
            {t("forms.apply.next")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
