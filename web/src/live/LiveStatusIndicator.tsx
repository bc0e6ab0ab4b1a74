/** Replaced by the live-status stream's indicator (web/src/live). */
export function LiveStatusIndicator() {
  return null;
}
