import { Anchor, Button, Code, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../../api/client';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { auditMessages } from './messages';

type Entry = Schemas['AuditEntry'];

/** Audit entries, each expandable to its details (JSON) in a row of its own beneath it. */
export function AuditTable({ entries }: { entries: Entry[] }) {
  const t = useMessages(auditMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <ScrollTable minWidth={900}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.when}</Table.Th>
            <Table.Th>{t.action}</Table.Th>
            <Table.Th>{t.actor}</Table.Th>
            <Table.Th>{t.target}</Table.Th>
            <Table.Th>{t.ip}</Table.Th>
            <Table.Th>{t.details}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const when = f.dateTime(entry.occurredAt);
            const detailsId = `audit-details-${entry.id}`;
            const hasDetails = Object.keys(entry.details).length > 0;
            return (
              <Fragment key={entry.id}>
                <Table.Tr data-testid="audit-entry">
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {when}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {entry.actorId ? (
                      <Anchor component={Link} to={`/admin/users?user=${entry.actorId}`} size="xs" ff="monospace">
                        {entry.actorId}
                      </Anchor>
                    ) : (
                      <Text size="sm">{t.system}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.targetType ?? w.none}</Text>
                    {entry.targetId && (
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {entry.targetId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.ip ?? w.none}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={expanded ? t.hideDetails(entry.action, when) : t.showDetails(entry.action, when)}
                      onClick={() => toggle(entry.id)}
                    >
                      {expanded ? t.hide : t.show}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={6} bg="gray.0">
                      {hasDetails ? (
                        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                          {JSON.stringify(entry.details, null, 2)}
                        </Code>
                      ) : (
                        <Text size="sm">{t.noDetails}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
