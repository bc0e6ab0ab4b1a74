import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

type Color = 'green' | 'gray' | 'orange' | 'red' | 'blue' | 'violet';

/**
 * A word in a badge whose text keeps AA contrast (the light badges' own green or orange text does not reach
 * 4.5:1 at badge size): dark text on the light colour; the word says the meaning, the colour only repeats it.
 * `filled` is for blue only (white on blue.9).
 */
export function Tag({
  color = 'gray',
  filled,
  children,
  status,
}: {
  color?: Color;
  filled?: boolean;
  children: ReactNode;
  status?: string;
}) {
  return (
    <Badge
      variant={filled ? 'filled' : 'light'}
      color={filled ? `${color}.9` : color}
      c={filled ? undefined : 'dark.8'}
      miw="max-content"
      data-status={status}
    >
      {children}
    </Badge>
  );
}
