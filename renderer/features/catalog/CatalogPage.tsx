import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog.js';
import { useDebouncedValue } from '../../lib/useDebouncedValue.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { CsvImport } from './CsvImport.js';
import { DeleteProductDialog } from './DeleteProductDialog.js';
import { ProductFormDialog } from './ProductFormDialog.js';
import { ProductTable } from './ProductTable.js';
import { useProducts } from './useProducts.js';

const SEARCH_DEBOUNCE_MS = 250;

type Editing = { mode: 'create' } | { mode: 'edit'; product: Product } | null;

/** The Queue page: for now the product catalog the session queue will draw from. */
export function CatalogPage(): ReactNode {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const { products, error } = useProducts(query);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Product | null>(null);

  return (
    <section className="page" aria-labelledby="catalog-title">
      <header className="page-header">
        <div>
          <h1 id="catalog-title">{t('catalog.title')}</h1>
          <p className="page-subtitle">{t('catalog.subtitle')}</p>
        </div>
        <Button variant="primary" data-testid="product-add" onClick={() => setEditing({ mode: 'create' })}>
          {t('catalog.add')}
        </Button>
      </header>
      <p className="note">{t('catalog.queueLater')}</p>

      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="product-search">{t('catalog.search')}</label>
          <input
            id="product-search"
            type="search"
            data-testid="product-search"
            value={search}
            maxLength={200}
            placeholder={t('catalog.searchPlaceholder')}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        {products ? <p className="count">{t('catalog.count', { count: products.length })}</p> : null}
      </div>

      {error ? <ErrorMessage error={error} title={t('catalog.loadError')} testId="product-list-error" /> : null}
      {products === null ? (
        error ? null : <p className="muted">{t('catalog.loading')}</p>
      ) : (
        <ProductTable
          products={products}
          query={query.trim()}
          onEdit={(product) => setEditing({ mode: 'edit', product })}
          onDelete={setDeleting}
        />
      )}

      <CsvImport />

      {editing ? (
        <ProductFormDialog product={editing.mode === 'edit' ? editing.product : null} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? <DeleteProductDialog product={deleting} onClose={() => setDeleting(null)} /> : null}
    </section>
  );
}
