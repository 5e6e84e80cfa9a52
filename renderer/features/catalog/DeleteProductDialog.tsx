import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
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
    <Dialog title={t('catalog.deleteTitle', { name: product.name })} onClose={onClose} role="alertdialog">
      <p>{t('catalog.deleteBody', { sku: product.sku })}</p>
      {del.error ? <ErrorMessage error={del.error} title={t('catalog.deleteError')} testId="delete-error" /> : null}
      <div className="form-actions">
        <Button onClick={onClose} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" data-testid="confirm-yes" onClick={confirm} disabled={del.pending}>
          {del.pending ? t('catalog.deleting') : t('catalog.deleteConfirm')}
        </Button>
      </div>
    </Dialog>
  );
}
