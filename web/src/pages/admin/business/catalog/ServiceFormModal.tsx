import { NativeSelect, NumberInput, SimpleGrid, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call, type Schemas } from '../../../../api/client';
import { FormModal } from '../../../../components/FormModal';
import { notify, useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { catalogMessages } from './messages';
import { changed, intIn, isHttpUrl, isSlug, SORT_MAX, SORT_MIN, textFits } from './rules';

type Service = Schemas['AdminService'];
type Category = Schemas['Category'];

interface Values {
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  iconUrl: string;
  appVersion: string;
  templateRef: string;
  isActive: boolean;
  sortOrder: number | string;
}

const valuesOf = (s?: Service): Values => ({
  slug: s?.slug ?? '',
  name: s?.name ?? '',
  description: s?.description ?? '',
  categoryId: s?.category?.id ?? '',
  iconUrl: s?.iconUrl ?? '',
  appVersion: s?.appVersion ?? '',
  templateRef: s?.templateRef ?? '',
  isActive: s?.isActive ?? true,
  sortOrder: s?.sortOrder ?? 0,
});

/** What the API takes from the form's values (empty optional texts become null). */
const fieldsOf = (v: Values) => ({
  slug: v.slug.trim(),
  name: v.name.trim(),
  description: v.description.trim(),
  categoryId: v.categoryId || null,
  iconUrl: v.iconUrl.trim() || null,
  appVersion: v.appVersion.trim(),
  templateRef: v.templateRef.trim(),
  isActive: v.isActive,
  sortOrder: Number(v.sortOrder),
});

/** Create a service (without plans: they are added next) or change one; checked as the API checks. */
export function ServiceFormModal({
  opened,
  service,
  categories,
  onClose,
  onCreated,
}: {
  opened: boolean;
  service?: Service;
  categories: Category[];
  onClose: () => void;
  onCreated?: (service: Service) => void;
}) {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const form = useForm<Values>({
    initialValues: valuesOf(service),
    validate: {
      slug: (v) => (isSlug(v.trim()) ? null : t.slugRule),
      name: (v) => (textFits(v, 1, 100) ? null : v.trim() ? w.tooLongN(100) : w.required),
      description: (v) => (textFits(v, 0, 5000) ? null : w.tooLongN(5000)),
      iconUrl: (v) => (v.trim() === '' || isHttpUrl(v.trim()) ? null : t.iconRule),
      appVersion: (v) => (v.trim() === '' ? (service ? w.required : null) : textFits(v, 1, 50) ? null : w.tooLongN(50)),
      templateRef: (v) => (textFits(v, 1, 63) ? null : v.trim() ? w.tooLongN(63) : w.required),
      sortOrder: (v) => (intIn(v, SORT_MIN, SORT_MAX) ? null : w.wholeBetween('-1,000,000', '1,000,000')),
    },
  });
  const mutation = useApiMutation({
    mutationFn: async (values: Values): Promise<Service | null> => {
      const fields = fieldsOf(values);
      if (!service) {
        const { appVersion, ...rest } = fields;
        return call(
          api.POST('/api/v1/admin/services', { body: { ...rest, ...(appVersion ? { appVersion } : {}), plans: [] } }),
        );
      }
      const body = changed(fields, fieldsOf(valuesOf(service)));
      if (Object.keys(body).length === 0) return null;
      return call(api.PATCH('/api/v1/admin/services/{id}', { params: { path: { id: service.id } }, body }));
    },
    invalidates: [['admin', 'catalog']],
    quiet: true,
    onSuccess: (saved) => {
      if (!saved) {
        form.setErrors({ name: t.nothingChanged });
        return;
      }
      notify({ color: 'green', message: service ? t.serviceSaved : t.serviceCreated });
      if (!service) {
        form.reset();
        onCreated?.(saved);
      }
      onClose();
    },
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={service ? t.editServiceTitle(service.name) : t.createServiceTitle}
      size="lg"
      form={form}
      mutation={mutation}
      submitLabel={service ? w.save : w.create}
      submitDisabled={Boolean(service) && !form.isDirty()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.name} required maxLength={100} {...form.getInputProps('name')} />
        <TextInput
          label={t.slug}
          description={t.slugHelp}
          required
          maxLength={63}
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('slug')}
        />
      </SimpleGrid>
      <Textarea
        label={t.descriptionLabel}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        {...form.getInputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.category}
          data={[{ value: '', label: t.noCategory }, ...categories.map((cat) => ({ value: cat.id, label: cat.name }))]}
          {...form.getInputProps('categoryId')}
        />
        <TextInput label={t.iconUrl} type="url" maxLength={2048} {...form.getInputProps('iconUrl')} />
        <TextInput
          label={t.templateRef}
          description={t.templateHelp}
          required
          maxLength={63}
          spellCheck={false}
          {...form.getInputProps('templateRef')}
        />
        <TextInput
          label={t.appVersion}
          description={service ? undefined : t.appVersionHelp}
          required={Boolean(service)}
          maxLength={50}
          {...form.getInputProps('appVersion')}
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
      <Switch label={t.onSaleSwitch} {...form.getInputProps('isActive', { type: 'checkbox' })} />
      {service && !form.isDirty() && (
        <Text size="xs" c="dimmed">
          {t.nothingChanged}
        </Text>
      )}
    </FormModal>
  );
}
