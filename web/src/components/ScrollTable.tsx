import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table that scrolls sideways on narrow screens; the scroller takes keyboard focus (axe: scrollable-region-focusable), named when `label` is given. */
export function ScrollTable({
  minWidth,
  label,
  labelledBy,
  mt,
  children,
}: {
  minWidth: number;
  label?: string;
  labelledBy?: string;
  mt?: string;
  children: ReactNode;
}) {
  const named = label !== undefined || labelledBy !== undefined;
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      mt={mt}
      tabIndex={0}
      role={named ? 'region' : undefined}
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
    </Table.ScrollContainer>
  );
}
