import { ActionIcon, TextInput, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type FormEvent, useEffect, useId, useState } from "react";

/**
 * The search box above an overview (vacancies, employers): a search landmark with a labelled
 * field that submits on Enter or with its button; it follows the query in the address bar.
 */
export function OverviewSearch({
  q,
  onSubmit,
  labels,
  width,
}: {
  q: string | undefined;
  onSubmit: (q: string | undefined) => void;
  labels: { region: string; label: string; placeholder: string; submit: string };
  width: number;
}) {
  const id = useId();
  const [value, setValue] = useState(q ?? "");
  useEffect(() => setValue(q ?? ""), [q]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(value.trim() || undefined);
  }
  return (
    <search aria-label={labels.region}>
      <form onSubmit={submit}>
        <TextInput
          id={id}
          type="search"
          label={<VisuallyHidden>{labels.label}</VisuallyHidden>}
          placeholder={labels.placeholder}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          leftSection={<IconSearch aria-hidden="true" size={18} />}
          rightSectionWidth={40}
          rightSection={
            <ActionIcon type="submit" variant="subtle" color="gray" aria-label={labels.submit}>
              <IconSearch aria-hidden="true" size={16} />
            </ActionIcon>
          }
          w={{ base: "100%", sm: width }}
        />
      </form>
    </search>
  );
}
