import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog.js';
import { assertNever, type Result } from '../../../shared/errors.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextAreaField, TextField } from '../../ui/Field.js';
import {
  CATALOG_CURRENCY,
  changedFields,
  EMPTY_FORM,
  FORM_FIELDS,
  formFromProduct,
  readProductForm,
  type FieldProblems,
  type ProductDraft,
  type ProductFormField,
} from './productForm.js';
import { useCatalogActions } from './useProducts.js';

/** Adds a product (product = null) or edits one; closes itself once the core has saved. */
export function ProductFormDialog({ product, onClose }: { product: Product | null; onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const actions = useCatalogActions();
  const save = useCommand(
    (draft: ProductDraft): Promise<Result<unknown>> => {
      if (!product) return actions.create(draft);
      const patch = changedFields(product, draft);
      return Object.keys(patch).length === 0 ? Promise.resolve({ ok: true, value: product }) : actions.update(product.id, patch);
    },
  );
  const [values, setValues] = useState(() => (product ? formFromProduct(product) : EMPTY_FORM));
  const [problems, setProblems] = useState<FieldProblems>({});
  const currency = product?.price.currency ?? CATALOG_CURRENCY;

  const label = (field: ProductFormField): string => {
    switch (field) {
      case 'sku':
        return t('catalog.form.sku');
      case 'name':
        return t('catalog.form.name');
      case 'price':
        return t('catalog.form.price', { currency });
      case 'promo':
        return t('catalog.form.promo', { currency });
      case 'stock':
        return t('catalog.form.stock');
      case 'imageUrl':
        return t('catalog.form.image');
      case 'points':
        return t('catalog.form.points');
      default:
        return assertNever(field, 'form field');
    }
  };
  const problemText = (field: ProductFormField): string | null => {
    const p = problems[field];
    return p ? t(`catalog.form.problems.${p}`) : null;
  };
  const bind = (field: ProductFormField) => ({
    label: label(field),
    problem: problemText(field),
    value: values[field],
    'data-testid': `product-form-${TESTID_SUFFIX[field]}`,
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
  });

  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const read = readProductForm(values, currency);
    if (!read.ok) {
      setProblems(read.problems);
      save.clearError();
      return;
    }
    setProblems({});
    void save.run(read.draft).then((result) => {
      if (result.ok) onClose();
    });
  };

  const invalidFields = FORM_FIELDS.filter((f) => problems[f] !== undefined);
  return (
    <Dialog title={product ? t('catalog.form.editTitle') : t('catalog.form.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <TextField {...bind('sku')} autoComplete="off" spellCheck={false} required />
          <TextField {...bind('name')} autoComplete="off" required />
          <TextField {...bind('price')} inputMode="decimal" placeholder={t('catalog.form.pricePlaceholder')} required />
          <TextField {...bind('promo')} inputMode="decimal" />
          <TextField {...bind('stock')} inputMode="numeric" />
          <TextField {...bind('imageUrl')} type="url" placeholder="https://" />
        </div>
        <TextAreaField {...bind('points')} rows={5} />
        {invalidFields.length > 0 ? (
          <div className="error" role="alert" data-testid="product-form-error">
            <strong className="error-title">{t('catalog.form.invalid')}</strong>
            <ul>
              {invalidFields.map((f) => (
                <li key={f}>
                  {label(f)}: {problemText(f)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {save.error ? (
          <ErrorMessage error={save.error} title={t('catalog.form.saveError')} testId="product-form-error" />
        ) : null}
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" data-testid="product-form-save" disabled={save.pending}>
            {save.pending ? t('catalog.form.saving') : t('catalog.form.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const TESTID_SUFFIX: Readonly<Record<ProductFormField, string>> = {
  sku: 'sku',
  name: 'name',
  price: 'price',
  promo: 'promo',
  stock: 'stock',
  imageUrl: 'image',
  points: 'points',
};
