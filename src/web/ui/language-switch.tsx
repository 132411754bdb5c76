import { Group, UnstyledButton } from "@mantine/core";
import classes from "./language-switch.module.css";

export interface LanguageOption<T extends string> {
  value: T;
  /** Short visible code, e.g. "NL". */
  short: string;
  /** Language name in that language itself, e.g. "Nederlands". */
  name: string;
}

export interface LanguageSwitchProps<T extends string> {
  label: string;
  options: readonly LanguageOption<T>[];
  value: T;
  onChange: (value: T) => void;
}

/**
 * Plain toggle buttons rather than a radio group: one Tab reaches each language and Enter or
 * Space picks it, which is what people expect from a language switch.
 */
export function LanguageSwitch<T extends string>({
  label,
  options,
  value,
  onChange,
}: LanguageSwitchProps<T>) {
  return (
    <Group gap={2} role="group" aria-label={label} className={classes.group} wrap="nowrap">
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <UnstyledButton
            key={option.value}
            className={classes.option}
            data-selected={selected || undefined}
            aria-pressed={selected}
            lang={option.value}
            // Starts with the visible code so voice-control users can say what they see.
            aria-label={`${option.short}, ${option.name}`}
            onClick={() => onChange(option.value)}
          >
            {option.short}
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
