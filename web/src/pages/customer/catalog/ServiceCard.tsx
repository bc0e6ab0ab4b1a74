import { Anchor, Avatar, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import type { Service } from './api';
import { catalogMessages } from './messages';

const m = defineMessages({
  en: {
    plans: 'Plans',
    plan: 'Plan',
    price: 'Price',
    choose: 'Choose a plan',
    chooseFor: (name: string) => `Choose a plan for ${name}`,
  },
  id: {
    plans: 'Paket',
    plan: 'Paket',
    price: 'Harga',
    choose: 'Pilih paket',
    chooseFor: (name: string) => `Pilih paket untuk ${name}`,
  },
});

/** Initials for the app's mark: icons from other sites are not loaded (the dashboard's CSP allows none). */
export function initialsOf(name: string) {
  const words = name.split(/[\s-]+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : name.slice(0, 2)).toUpperCase();
}

/** One app of the catalog: its name (a link to its page), category, description and each plan's monthly price. */
export function ServiceCard({ service }: { service: Service }) {
  const t = useMessages(m);
  const c = useMessages(catalogMessages);
  const f = useFormat();
  const to = `/services/${encodeURIComponent(service.slug)}`;
  return (
    <Card withBorder padding="lg" component="article" data-testid="service-card">
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar color="blue" radius="md" aria-hidden>
            {initialsOf(service.name)}
          </Avatar>
          <Stack gap={2}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={to}>
                {service.name}
              </Anchor>
            </Title>
            <Group gap={6} wrap="wrap">
              {service.category && (
                <Badge variant="light" color="gray">
                  {service.category.name}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {c.version(service.appVersion)}
              </Text>
            </Group>
          </Stack>
        </Group>
        <Text size="sm">{service.description}</Text>
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
            {c.from(f.idr(service.startingPriceMonthlyIdr))}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.plan}</Table.Th>
              <Table.Th ta="end">{t.price}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {service.plans.map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Td>{plan.name}</Table.Td>
                <Table.Td ta="end">{c.perMonth(f.idr(plan.priceMonthlyIdr))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button component={Link} to={to} variant="light" mt="auto" aria-label={t.chooseFor(service.name)}>
          {t.choose}
        </Button>
      </Stack>
    </Card>
  );
}
