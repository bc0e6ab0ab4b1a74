import { NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call, type Schemas } from '../../../../api/client';
import { FormModal } from '../../../../components/FormModal';
import { notify, useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { catalogMessages } from './messages';
import { changed, intIn, isSlug, SORT_MAX, SORT_MIN, textFits } from './rules';

type Category = Schemas['Category'];

/** Create or change a category: slug, name, description, sort order. */
export function CategoryFormModal({ category, onClose }: { category?: Category; onClose: () => void }) {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const initial = {
    slug: category?.slug ?? '',
    name: category?.name ?? '',
    description: category?.description ?? '',
    sortOrder: (category?.sortOrder ?? 0) as number | string,
  };
  const form = useForm({
    initialValues: initial,
    validate: {
      slug: (v) => (isSlug(v.trim()) ? null : t.slugRule),
      name: (v) => (textFits(v, 1, 100) ? null : v.trim() ? w.tooLongN(100) : w.required),
      description: (v) => (textFits(v, 0, 1000) ? null : w.tooLongN(1000)),
      sortOrder: (v) => (intIn(v, SORT_MIN, SORT_MAX) ? null : w.wholeBetween('-1,000,000', '1,000,000')),
    },
  });
  const fieldsOf = (v: typeof initial) => ({
    slug: v.slug.trim(),
    name: v.name.trim(),
    description: v.description.trim(),
    sortOrder: Number(v.sortOrder),
  });
  const mutation = useApiMutation({
    mutationFn: async (values: typeof initial) => {
      if (!category) return call(api.POST('/api/v1/admin/categories', { body: fieldsOf(values) }));
      const body = changed(fieldsOf(values), fieldsOf(initial));
      if (Object.keys(body).length === 0) return null;
      return call(api.PATCH('/api/v1/admin/categories/{id}', { params: { path: { id: category.id } }, body }));
    },
    invalidates: [['admin', 'catalog']],
    quiet: true,
    onSuccess: (saved) => {
      if (!saved) {
        form.setErrors({ name: t.nothingChanged });
        return;
      }
      notify({ color: 'green', message: t.categorySaved });
      onClose();
    },
  });
  return (
    <FormModal
      onClose={onClose}
      title={category ? t.editCategoryTitle(category.name) : t.createCategoryTitle}
      form={form}
      mutation={mutation}
      submitLabel={category ? w.save : w.create}
      submitDisabled={Boolean(category) && !form.isDirty()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.name} required maxLength={100} {...form.getInputProps('name')} />
        <TextInput
          label={t.slug}
          description={t.slugHelp}
          required
          maxLength={63}
          spellCheck={false}
          {...form.getInputProps('slug')}
        />
      </SimpleGrid>
      <Textarea
        label={t.descriptionLabel}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('description')}
      />
      <NumberInput
        label={t.sortOrder}
        description={t.sortHelp}
        allowDecimal={false}
        min={SORT_MIN}
        max={SORT_MAX}
        {...form.getInputProps('sortOrder')}
      />
    </FormModal>
  );
}
