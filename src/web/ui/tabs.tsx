import { Tabs } from "@mantine/core";
import type { ReactNode } from "react";

export interface PageTab<T extends string> {
  value: T;
  label: string;
  icon?: ReactNode;
}

export interface PageTabsProps<T extends string> {
  /** Names the tab list for screen readers, e.g. the page title. */
  label: string;
  tabs: readonly PageTab<T>[];
  value: T;
  /** Pages usually navigate here (tab in the URL) so a tab can be linked and survives reload. */
  onChange: (value: T) => void;
  children: ReactNode;
}

/** Tabs at the top centre of a page, as in the HalloWerk layout. Panels: <PageTabs.Panel>. */
export function PageTabs<T extends string>({ label, tabs, value, onChange, children }: PageTabsProps<T>) {
  return (
    <Tabs
      value={value}
      onChange={(next) => {
        const tab = tabs.find((t) => t.value === next);
        if (tab) onChange(tab.value);
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={label} justify="center" mb="md">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {children}
    </Tabs>
  );
}

PageTabs.Panel = Tabs.Panel;
