import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on narrow screens. The scrolling box takes the keyboard focus, so it can be
 * scrolled without a mouse (axe: scrollable-region-focusable), whatever the table holds.
 */
export function ScrollTable({ minWidth, mt, children }: { minWidth: number; mt?: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} mt={mt} tabIndex={0}>
      {children}
    </Table.ScrollContainer>
  );
}
