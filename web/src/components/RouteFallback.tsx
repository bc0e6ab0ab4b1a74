import { Center, Loader } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from './ErrorAlert';

/** While a page's code loads. */
export function QueryFallback() {
  return (
    <Center py="xl" role="status">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}

/** A page that threw while rendering (or whose code failed to load: often a new release; a reload helps). */
export function RouteError() {
  const error = useRouteError();
  return (
    <ErrorAlert
      error={isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error}
      onRetry={() => window.location.reload()}
    />
  );
}
