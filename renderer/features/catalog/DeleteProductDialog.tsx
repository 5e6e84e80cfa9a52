import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog.js';
import { useCommand } from '../../lib/useCommand.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useCatalogActions } from './useProducts.js';

/** Asks before deleting; the product leaves the list through the catalog.changed re-query. */
export function DeleteProductDialog({ product, onClose }: { product: Product; onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { remove } = useCatalogActions();
  const del = useCommand(remove);
  const confirm = (): void => {
    void del.run(product.id).then((result) => {
      if (result.ok) onClose();
    });
  };
  return (
    <ConfirmDialog
      title={t('catalog.deleteTitle', { name: product.name })}
      confirmLabel={del.pending ? t('catalog.deleting') : t('catalog.deleteConfirm')}
      confirmTestId="confirm-yes"
      pending={del.pending}
      error={del.error}
      errorTitle={t('catalog.deleteError')}
      errorTestId="delete-error"
      onClose={onClose}
      onConfirm={confirm}
    >
      <p>{t('catalog.deleteBody', { sku: product.sku })}</p>
    </ConfirmDialog>
  );
}
