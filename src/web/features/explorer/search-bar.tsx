import {
  Button,
  Combobox,
  Group,
  Loader,
  NativeSelect,
  Pill,
  PillsInput,
  Text,
  useCombobox,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { RADII_KM, type Suggestion } from "../../../contracts/explorer";
import { useLocale } from "../language/language-control";
import { loadPlaceOptions, type RemoteOption, RemoteSelect } from "../vacancies/ui";
import { recogniseQuery, suggestQuery } from "./explorer-api";
import {
  chipFromSuggestion,
  fold,
  sameChip,
  type UrlChip,
  withoutMatched,
  withRecognised,
} from "./search-params";

export interface SearchBarValue {
  q: string;
  chips: UrlChip[];
  place: RemoteOption | null;
  radius: number | undefined;
}

const optionValue = (s: { kind: string; id: string }) => `${s.kind}:${s.id}`;

/** Suggestions still about the text in the field: all their matched words are still there. */
function stillMatches(suggestion: Suggestion, text: string): boolean {
  const words = fold(text).split(/\s+/);
  return fold(suggestion.matched)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => words.includes(word));
}

/**
 * The left field: free text with suggestions as you type (occupations, languages, licences…,
 * "Automatische suggesties"). An accepted suggestion becomes a chip and its words leave the
 * text; the arrow keys walk the list, Enter takes the highlighted one or else searches. Taking a
 * chip or taking one away searches at once (`onChips`).
 */
function TermsField({
  text,
  chips,
  onText,
  onChips,
}: {
  text: string;
  chips: UrlChip[];
  onText: (text: string) => void;
  onChips: (chips: UrlChip[], text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const enabled = debounced.length >= 2;
  const suggest = useQuery({ ...suggestQuery(debounced, locale), enabled });
  const suggestions = (enabled ? (suggest.data ?? []) : []).filter(
    (s) => !chips.some((chip) => sameChip(chip, s)) && stillMatches(s, text),
  );

  function accept(value: string) {
    const suggestion = suggestions.find((s) => optionValue(s) === value);
    if (!suggestion) return;
    onChips([...chips, chipFromSuggestion(suggestion)], withoutMatched(text, suggestion.matched));
    combobox.closeDropdown();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // As in a tag field: Backspace in an empty field takes the last chip off.
    if (event.key === "Backspace" && text === "" && chips.length > 0) {
      event.preventDefault();
      onChips(chips.slice(0, -1), text);
    }
  }

  const kindLabel = (kind: string) => t(`explorer.kinds.${kind}`);
  return (
    <Combobox store={combobox} onOptionSubmit={accept} withinPortal={false}>
      <Combobox.DropdownTarget>
        <PillsInput
          id={id}
          label={t("explorer.search.terms")}
          leftSection={<IconSearch aria-hidden="true" size={18} />}
          rightSection={
            suggest.isFetching ? <Loader size="xs" aria-label={t("explorer.search.suggesting")} /> : undefined
          }
          onClick={() => combobox.openDropdown()}
          style={{ flex: "1 1 320px", minWidth: 0 }}
        >
          <Pill.Group>
            {chips.map((chip) => (
              <Pill
                key={optionValue(chip)}
                withRemoveButton
                title={kindLabel(chip.kind)}
                onRemove={() =>
                  onChips(
                    chips.filter((c) => !sameChip(c, chip)),
                    text,
                  )
                }
                // Mantine hides the remove button from the keyboard and screen readers; here it is a real button.
                removeButtonProps={{
                  tabIndex: 0,
                  "aria-hidden": false,
                  "aria-label": t("explorer.search.removeChip", {
                    label: chip.label,
                    kind: kindLabel(chip.kind),
                  }),
                }}
              >
                {chip.label}
              </Pill>
            ))}
            <Combobox.EventsTarget withExpandedAttribute autoComplete="off">
              <PillsInput.Field
                id={id}
                value={text}
                placeholder={chips.length === 0 ? t("explorer.search.placeholder") : undefined}
                onChange={(event) => {
                  onText(event.currentTarget.value);
                  combobox.openDropdown();
                }}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onKeyDown={onKeyDown}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown hidden={suggestions.length === 0}>
        <Combobox.Options aria-label={t("explorer.search.suggestions")}>
          {suggestions.map((s) => (
            <Combobox.Option value={optionValue(s)} key={optionValue(s)}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <span>{s.label}</span>
                <Text span size="xs" c="dimmed">
                  {kindLabel(s.kind)}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
      <VisuallyHidden role="status">
        {combobox.dropdownOpened && suggestions.length > 0
          ? t("explorer.search.suggestionCount", { count: suggestions.length })
          : ""}
      </VisuallyHidden>
    </Combobox>
  );
}

/**
 * The search bar (HalloWerk "Kandidaten zoeken"): terms on the left, place and radius on the
 * right, and "Zoeken". It edits a draft; the address bar changes when the user searches, or at
 * once when a chip is taken or taken away. Enter (or "Zoeken") on typed text lets the server
 * split it: what it recognises becomes chips, the other words are searched as free text.
 */
export function SearchBar({
  value,
  onSearch,
}: {
  value: SearchBarValue;
  onSearch: (next: SearchBarValue) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(value);
  const [recognising, setRecognising] = useState(false);
  const [announced, setAnnounced] = useState("");
  // Back/forward or a search from elsewhere (a vacancy) puts the address bar's search in the fields.
  const committed = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `committed` stands for `value`
  useEffect(() => setDraft(value), [committed]);

  function search(next: SearchBarValue) {
    setDraft(next);
    onSearch({ ...next, q: next.q.trim() });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A second Enter while the sentence is being split waits for the first.
    if (recognising) return;
    const text = draft.q.trim();
    if (!text) {
      search(draft);
      return;
    }
    setRecognising(true);
    try {
      const split = await queryClient.fetchQuery(recogniseQuery(text, locale));
      const next = withRecognised(draft.chips, split.chips, split.text);
      setAnnounced(
        split.chips.length > 0
          ? t("explorer.search.recognised", {
              count: split.chips.length,
              labels: split.chips.map((c) => c.label).join(", "),
            })
          : "",
      );
      search({ ...draft, ...next });
    } catch {
      // Not recognised is no reason not to search: the words go as typed.
      search(draft);
    } finally {
      setRecognising(false);
    }
  }

  return (
    <search aria-label={t("explorer.search.region")}>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TermsField
            text={draft.q}
            chips={draft.chips}
            onText={(q) => setDraft((d) => ({ ...d, q }))}
            onChips={(chips, q) => search({ ...draft, chips, q })}
          />
          <Group align="flex-end" gap="sm" style={{ flex: "0 1 auto" }}>
            <div style={{ width: 220 }}>
              <RemoteSelect
                label={t("explorer.search.place")}
                value={draft.place}
                cacheKey="places"
                load={loadPlaceOptions}
                onChange={(place) => setDraft((d) => ({ ...d, place }))}
              />
            </div>
            <NativeSelect
              label={t("explorer.search.radius")}
              // A radius needs a place to measure from.
              disabled={draft.place === null}
              value={draft.radius === undefined ? "" : String(draft.radius)}
              onChange={(event) => {
                const next = Number(event.currentTarget.value);
                setDraft((d) => ({ ...d, radius: next > 0 ? next : undefined }));
              }}
              data={[
                { value: "", label: t("explorer.search.wholeCountry") },
                ...RADII_KM.map((km) => ({ value: String(km), label: t("explorer.search.km", { km }) })),
              ]}
              w={170}
            />
            <Button
              type="submit"
              loading={recognising}
              leftSection={<IconSearch aria-hidden="true" size={18} />}
            >
              {t("explorer.search.submit")}
            </Button>
          </Group>
        </Group>
      </form>
      <VisuallyHidden role="status">{announced}</VisuallyHidden>
    </search>
  );
}
