import { Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../../../api/client';
import { useNestedModals } from '../../../../components/nested-modals';
import { EmptyState, QueryState } from '../../../../components/QueryState';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { ConfirmAction } from '../shared/ConfirmAction';
import { adminWords } from '../shared/messages';
import { Tag } from '../shared/Tag';
import { catalogMessages } from './messages';
import { PlanFormModal } from './PlanFormModal';

type Plan = Schemas['AdminPlan'];

/** A service's plans (`?plans=<service id>`): price per month, resources, on sale or not; add, edit, delete. */
export function PlansDrawer({ serviceId, onClose }: { serviceId: string; onClose: () => void }) {
  const t = useMessages(catalogMessages);
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const nested = useNestedModals();
  const query = useQuery({
    queryKey: ['admin', 'catalog', 'service', serviceId],
    queryFn: () => call(api.GET('/api/v1/admin/services/{id}', { params: { path: { id: serviceId } } })),
    enabled: serviceId !== '',
  });
  return (
    <Drawer
      closeOnEscape={!nested.modalOpen}
      opened={serviceId !== ''}
      onClose={onClose}
      position="right"
      size="xl"
      title={query.data ? t.plansOf(query.data.name) : t.plans}
    >
      <nested.Provider>
        {serviceId !== '' && (
          <QueryState query={query}>
            {(service) => (
              <Stack>
                <Group>
                  <Button onClick={() => setEditing('new')}>{t.newPlan}</Button>
                </Group>
                {service.plans.length === 0 ? (
                  <EmptyState>{t.noPlans}</EmptyState>
                ) : (
                  <PlansTable serviceId={service.id} plans={service.plans} onEdit={setEditing} />
                )}
                {editing && (
                  <PlanFormModal
                    key={editing === 'new' ? 'new' : editing.id}
                    serviceId={service.id}
                    plan={editing === 'new' ? undefined : editing}
                    onClose={() => setEditing(null)}
                  />
                )}
              </Stack>
            )}
          </QueryState>
        )}
      </nested.Provider>
    </Drawer>
  );
}

function PlansTable({ serviceId, plans, onEdit }: { serviceId: string; plans: Plan[]; onEdit: (plan: Plan) => void }) {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  return (
    <ScrollTable minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.name}</Table.Th>
            <Table.Th>{t.price}</Table.Th>
            <Table.Th>{t.cpu}</Table.Th>
            <Table.Th>{t.memory}</Table.Th>
            <Table.Th>{t.storage}</Table.Th>
            <Table.Th>{t.status}</Table.Th>
            <Table.Th>{t.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} data-testid="plan-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {plan.name}
                </Text>
                {plan.description && (
                  <Text size="xs" c="dimmed">
                    {plan.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t.perMonth(f.idr(plan.priceMonthlyIdr))}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t.cpuRange(f.number(plan.cpuRequestMillicores), f.number(plan.cpuLimitMillicores))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t.memRange(f.number(plan.memoryRequestMib), f.number(plan.memoryLimitMib))}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t.gib(f.number(plan.storageGib))}</Text>
              </Table.Td>
              <Table.Td>
                <Tag color={plan.isActive ? 'green' : 'gray'}>{plan.isActive ? t.onSale : t.offSale}</Tag>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" aria-label={t.editPlan(plan.name)} onClick={() => onEdit(plan)}>
                    {w.edit}
                  </Button>
                  <ConfirmAction
                    label={w.delete}
                    ariaLabel={t.deletePlan(plan.name)}
                    title={t.deletePlanTitle}
                    question={t.deletePlanText(plan.name)}
                    confirmLabel={w.delete}
                    action={() =>
                      call(
                        api.DELETE('/api/v1/admin/services/{id}/plans/{planId}', {
                          params: { path: { id: serviceId, planId: plan.id } },
                        }),
                      )
                    }
                    invalidates={[['admin', 'catalog']]}
                    success={t.planDeleted}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
