import { Avatar, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { api, call, type Schemas } from '../../../../api/client';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useMessages } from '../../../../i18n/i18n';
import { ConfirmAction } from '../shared/ConfirmAction';
import { adminWords } from '../shared/messages';
import { Tag } from '../shared/Tag';
import { catalogMessages } from './messages';

type Service = Schemas['AdminService'];

/** One page of services: name and slug, category, version, template, plans on sale, status, actions. */
export function ServicesTable({ services, onEdit }: { services: Service[]; onEdit: (service: Service) => void }) {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const location = useLocation();
  const plansLink = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set('plans', id);
    return { search: `?${params}` };
  };
  return (
    <ScrollTable minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.name}</Table.Th>
            <Table.Th>{t.category}</Table.Th>
            <Table.Th>{t.version}</Table.Th>
            <Table.Th>{t.template}</Table.Th>
            <Table.Th>{t.plans}</Table.Th>
            <Table.Th>{t.status}</Table.Th>
            <Table.Th>{t.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {services.map((service) => {
            const onSale = service.plans.filter((p) => p.isActive).length;
            return (
              <Table.Tr key={service.id} data-testid="service-row">
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    {/* No <img> of iconUrl: the dashboard's CSP allows images from itself only (img-src 'self'). */}
                    <Avatar alt="" size="sm" radius="sm" color="blue" aria-hidden>
                      {service.name.slice(0, 1)}
                    </Avatar>
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {service.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {service.slug}
                      </Text>
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{service.category?.name ?? t.noCategory}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{service.appVersion}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {service.templateRef}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.plansCount(onSale, service.plans.length)}</Text>
                </Table.Td>
                <Table.Td>
                  <Tag color={service.isActive ? 'green' : 'gray'}>{service.isActive ? t.onSale : t.offSale}</Tag>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t.editService(service.name)}
                      onClick={() => onEdit(service)}
                    >
                      {w.edit}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      component={Link}
                      to={plansLink(service.id)}
                      aria-label={t.plansOf(service.name)}
                    >
                      {t.plans}
                    </Button>
                    <ConfirmAction
                      label={w.delete}
                      ariaLabel={t.deleteService(service.name)}
                      title={t.deleteServiceTitle}
                      question={t.deleteServiceText(service.name)}
                      confirmLabel={w.delete}
                      action={() =>
                        call(api.DELETE('/api/v1/admin/services/{id}', { params: { path: { id: service.id } } }))
                      }
                      invalidates={[['admin', 'catalog']]}
                      success={t.serviceDeleted}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
