import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

/**
 * Escape closes only the topmost of a drawer and a modal opened from it. Mantine's modals and drawers each
 * listen for Escape on the window, so a drawer holding an open modal stops listening (`closeOnEscape`).
 */
const ReportOpen = createContext<(open: boolean) => void>(() => {});

/** In the drawer: `closeOnEscape={!modalOpen}`, and its content inside `<Provider>`. */
export function useNestedModals() {
  const [count, setCount] = useState(0);
  const report = useCallback((open: boolean) => setCount((c) => c + (open ? 1 : -1)), []);
  const Provider = useCallback(
    ({ children }: { children: ReactNode }) => <ReportOpen.Provider value={report}>{children}</ReportOpen.Provider>,
    [report],
  );
  return { modalOpen: count > 0, Provider };
}

/** In a modal: tells the drawer around it (if any) while it is open. */
export function useReportOpen(opened: boolean) {
  const report = useContext(ReportOpen);
  useEffect(() => {
    if (!opened) return;
    report(true);
    return () => report(false);
  }, [opened, report]);
}
