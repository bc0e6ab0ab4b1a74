import { Badge } from '@mantine/core';
import { useMessages } from '../../../i18n/i18n';
import { billingWords, statusLabel, type TransactionStatus } from './words';

const COLORS: Record<TransactionStatus, string> = {
  PENDING: 'yellow',
  SUCCESS: 'green',
  FAILED: 'red',
  EXPIRED: 'gray',
  CANCELLED: 'gray',
};

/**
 * A transaction's state in words, with a coloured dot (dark text: readable whatever the colour; the word,
 * not the colour, carries the meaning).
 */
export function TransactionStatusBadge({ status }: { status: TransactionStatus }) {
  const t = useMessages(billingWords);
  return (
    <Badge variant="dot" color={COLORS[status]} data-status={status}>
      {statusLabel(t, status)}
    </Badge>
  );
}
