import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { SearchInput } from '../../../../components/SearchInput';
import type { useUrlState } from '../../../../components/url-state';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { auditMessages } from './messages';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const AUDIT_KEYS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'];

/** Actor, action, target and time range, in the address; each change back to page 1. */
export function AuditFilters({ url }: { url: ReturnType<typeof useUrlState> }) {
  const t = useMessages(auditMessages);
  const w = useMessages(adminWords);
  const set = (key: string, value: string) => url.update({ [key]: value }, ['page']);
  const actorParam = url.get('actor');
  const [actor, setActor] = useState(actorParam);
  useEffect(() => setActor(actorParam), [actorParam]);
  const from = url.get('from');
  const to = url.get('to');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="sm" role="search" aria-label={w.filters}>
        <TextInput
          label={t.actor}
          value={actor}
          maxLength={36}
          spellCheck={false}
          error={actor !== '' && !UUID.test(actor.trim()) ? t.actorRule : undefined}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setActor(next);
            if (next.trim() === '' || UUID.test(next.trim())) set('actor', next.trim());
          }}
        />
        <SearchInput
          label={t.action}
          placeholder={t.actionHelp}
          value={url.get('action')}
          onSearch={(v) => set('action', v)}
        />
        <SearchInput
          label={t.targetType}
          maxLength={50}
          value={url.get('targetType')}
          onSearch={(v) => set('targetType', v)}
        />
        <SearchInput label={t.targetId} value={url.get('targetId')} onSearch={(v) => set('targetId', v)} />
        <TextInput
          type="datetime-local"
          label={t.from}
          value={from}
          max={to || undefined}
          error={from && to && from >= to ? w.dateOrder : undefined}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label={t.to}
          value={to}
          min={from || undefined}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      {AUDIT_KEYS.some((k) => url.get(k) !== '') && (
        <Group mb="sm">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => url.update(Object.fromEntries(AUDIT_KEYS.map((k) => [k, null])), ['page'])}
          >
            {w.clearFilters}
          </Button>
        </Group>
      )}
    </>
  );
}
