import { NumberInput, SimpleGrid, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call, type Schemas } from '../../../../api/client';
import { FormModal } from '../../../../components/FormModal';
import { notify, useApiMutation } from '../../../../components/mutations';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { catalogMessages } from './messages';
import { changed, intIn, LIMITS, SORT_MAX, SORT_MIN, textFits } from './rules';

type Plan = Schemas['AdminPlan'];

interface Values {
  name: string;
  description: string;
  priceMonthlyIdr: number | string;
  cpuRequestMillicores: number | string;
  cpuLimitMillicores: number | string;
  memoryRequestMib: number | string;
  memoryLimitMib: number | string;
  storageGib: number | string;
  features: string[];
  isActive: boolean;
  sortOrder: number | string;
}

const valuesOf = (p?: Plan): Values => ({
  name: p?.name ?? '',
  description: p?.description ?? '',
  priceMonthlyIdr: p?.priceMonthlyIdr ?? '',
  cpuRequestMillicores: p?.cpuRequestMillicores ?? 250,
  cpuLimitMillicores: p?.cpuLimitMillicores ?? 500,
  memoryRequestMib: p?.memoryRequestMib ?? 256,
  memoryLimitMib: p?.memoryLimitMib ?? 512,
  storageGib: p?.storageGib ?? 1,
  features: p?.features ?? [],
  isActive: p?.isActive ?? true,
  sortOrder: p?.sortOrder ?? 0,
});

const fieldsOf = (v: Values) => ({
  name: v.name.trim(),
  description: v.description.trim(),
  priceMonthlyIdr: Number(v.priceMonthlyIdr),
  cpuRequestMillicores: Number(v.cpuRequestMillicores),
  cpuLimitMillicores: Number(v.cpuLimitMillicores),
  memoryRequestMib: Number(v.memoryRequestMib),
  memoryLimitMib: Number(v.memoryLimitMib),
  storageGib: Number(v.storageGib),
  features: v.features.map((f) => f.trim()).filter(Boolean),
  isActive: v.isActive,
  sortOrder: Number(v.sortOrder),
});

/** A plan of a service: price per month in IDR and the resources it gets; checked as the API checks. */
export function PlanFormModal({ serviceId, plan, onClose }: { serviceId: string; plan?: Plan; onClose: () => void }) {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const range = (min: number, max: number) => w.wholeBetween(f.number(min), f.number(max));
  const within = (min: number, max: number) => (v: number | string) => (intIn(v, min, max) ? null : range(min, max));
  const form = useForm<Values>({
    initialValues: valuesOf(plan),
    validate: {
      name: (v) => (textFits(v, 1, 60) ? null : v.trim() ? w.tooLongN(60) : w.required),
      description: (v) => (textFits(v, 0, 500) ? null : w.tooLongN(500)),
      priceMonthlyIdr: within(...LIMITS.price),
      cpuRequestMillicores: (v, all) =>
        within(...LIMITS.cpu)(v) ?? (Number(v) > Number(all.cpuLimitMillicores) ? t.requestOverLimit : null),
      cpuLimitMillicores: within(...LIMITS.cpu),
      memoryRequestMib: (v, all) =>
        within(...LIMITS.memory)(v) ?? (Number(v) > Number(all.memoryLimitMib) ? t.requestOverLimit : null),
      memoryLimitMib: within(...LIMITS.memory),
      storageGib: within(...LIMITS.storage),
      features: (v) => (v.length <= 30 && v.every((x) => textFits(x, 1, 200)) ? null : t.featuresRule),
      sortOrder: within(SORT_MIN, SORT_MAX),
    },
  });
  const mutation = useApiMutation({
    mutationFn: async (values: Values): Promise<Plan | null> => {
      const fields = fieldsOf(values);
      if (!plan) {
        return call(
          api.POST('/api/v1/admin/services/{id}/plans', { params: { path: { id: serviceId } }, body: fields }),
        );
      }
      const body = changed(fields, fieldsOf(valuesOf(plan)));
      if (Object.keys(body).length === 0) return null;
      return call(
        api.PATCH('/api/v1/admin/services/{id}/plans/{planId}', {
          params: { path: { id: serviceId, planId: plan.id } },
          body,
        }),
      );
    },
    invalidates: [['admin', 'catalog']],
    quiet: true,
    onSuccess: (saved) => {
      if (!saved) {
        form.setErrors({ name: t.nothingChanged });
        return;
      }
      notify({ color: 'green', message: plan ? t.planSaved : t.planCreated });
      onClose();
    },
  });
  const numberProps = {
    allowDecimal: false,
    thousandSeparator: f.locale === 'id' ? '.' : ',',
    decimalSeparator: f.locale === 'id' ? ',' : '.',
  };
  return (
    <FormModal
      onClose={onClose}
      title={plan ? t.editPlanTitle(plan.name) : t.createPlanTitle}
      size="lg"
      form={form}
      mutation={mutation}
      submitLabel={plan ? w.save : w.create}
      submitDisabled={Boolean(plan) && !form.isDirty()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.name} required maxLength={60} {...form.getInputProps('name')} />
        <NumberInput
          label={t.priceIdr}
          required
          min={LIMITS.price[0]}
          max={LIMITS.price[1]}
          {...numberProps}
          {...form.getInputProps('priceMonthlyIdr')}
        />
      </SimpleGrid>
      <Textarea
        label={t.descriptionLabel}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t.cpuRequest}
          description={t.millicoresHelp}
          required
          min={LIMITS.cpu[0]}
          max={LIMITS.cpu[1]}
          {...numberProps}
          {...form.getInputProps('cpuRequestMillicores')}
        />
        <NumberInput
          label={t.cpuLimit}
          description={t.millicoresHelp}
          required
          min={LIMITS.cpu[0]}
          max={LIMITS.cpu[1]}
          {...numberProps}
          {...form.getInputProps('cpuLimitMillicores')}
        />
        <NumberInput
          label={t.memoryRequest}
          required
          min={LIMITS.memory[0]}
          max={LIMITS.memory[1]}
          {...numberProps}
          {...form.getInputProps('memoryRequestMib')}
        />
        <NumberInput
          label={t.memoryLimit}
          required
          min={LIMITS.memory[0]}
          max={LIMITS.memory[1]}
          {...numberProps}
          {...form.getInputProps('memoryLimitMib')}
        />
        <NumberInput
          label={t.storageGib}
          required
          min={LIMITS.storage[0]}
          max={LIMITS.storage[1]}
          {...numberProps}
          {...form.getInputProps('storageGib')}
        />
        <NumberInput
          label={t.sortOrder}
          description={t.sortHelp}
          allowDecimal={false}
          min={SORT_MIN}
          max={SORT_MAX}
          {...form.getInputProps('sortOrder')}
        />
      </SimpleGrid>
      <TagsInput
        label={t.features}
        description={t.featuresHelp}
        maxTags={30}
        clearable
        {...form.getInputProps('features')}
      />
      <Switch label={t.onSaleSwitch} {...form.getInputProps('isActive', { type: 'checkbox' })} />
      {plan && !form.isDirty() && (
        <Text size="xs" c="dimmed">
          {t.nothingChanged}
        </Text>
      )}
    </FormModal>
  );
}
