import { Button, Group, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../../../api/client';
import { QueryState } from '../../../../components/QueryState';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { ConfirmAction } from '../shared/ConfirmAction';
import { adminWords } from '../shared/messages';
import { CategoryFormModal } from './CategoryFormModal';
import { catalogMessages } from './messages';

type Category = Schemas['Category'];

/** The categories services are shown in (few: no paging in the API), with their number of services. */
export function CategoriesSection({ query }: { query: UseQueryResult<{ items: Category[] }> }) {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  return (
    <section aria-labelledby="catalog-categories">
      <Group justify="space-between" mt="xl" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="catalog-categories">
          {t.categories}
        </Title>
        <Button variant="default" onClick={() => setEditing('new')}>
          {t.newCategory}
        </Button>
      </Group>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t.noCategories}>
        {({ items }) => (
          <ScrollTable minWidth={640}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.slug}</Table.Th>
                  <Table.Th>{t.descriptionLabel}</Table.Th>
                  <Table.Th>{t.sortOrder}</Table.Th>
                  <Table.Th>{t.serviceCount}</Table.Th>
                  <Table.Th>{t.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((cat) => (
                  <Table.Tr key={cat.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {cat.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {cat.slug}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {cat.description || w.none}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.number(cat.sortOrder)}</Table.Td>
                    <Table.Td>{f.number(cat.serviceCount)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t.editCategory(cat.name)}
                          onClick={() => setEditing(cat)}
                        >
                          {w.edit}
                        </Button>
                        <ConfirmAction
                          label={w.delete}
                          ariaLabel={t.deleteCategory(cat.name)}
                          title={t.deleteCategoryTitle}
                          question={t.deleteCategoryText(cat.name)}
                          confirmLabel={w.delete}
                          action={() =>
                            call(api.DELETE('/api/v1/admin/categories/{id}', { params: { path: { id: cat.id } } }))
                          }
                          invalidates={[['admin', 'catalog']]}
                          success={t.categoryDeleted}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
      {editing && (
        <CategoryFormModal
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
