import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Product, ProductInput, ProductPatch } from '../../../shared/contract/catalog.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { CATALOG_CURRENCY } from './productForm.js';

export interface ProductsView {
  /** null until the first answer arrives. */
  readonly products: readonly Product[] | null;
  /** The last failed query; the previous list stays visible underneath. */
  readonly error: ErrorBody | null;
}

/**
 * The products matching `query`, kept current: re-queried when the query changes, on every `catalog.changed`
 * (other staff edit too) and when the link to the core reopens. Answers to superseded queries are dropped.
 */
export function useProducts(query: string): ProductsView {
  const api = useApi();
  const [view, setView] = useState<ProductsView>({ products: null, error: null });
  const latest = useRef(0);

  const load = useCallback(() => {
    const seq = ++latest.current;
    const q = query.trim();
    void api.call('catalog.list', q === '' ? {} : { query: q }).then((result) => {
      if (seq !== latest.current) return;
      if (result.ok) setView({ products: result.value, error: null });
      else setView((prev) => ({ products: prev.products, error: result.error }));
    });
  }, [api, query]);

  useEffect(load, [load]);
  useEffect(() => api.on('catalog.changed', () => load()), [api, load]);
  useOnLinkOpen(load);
  return view;
}

/** The catalog's write commands; each resolves to the command's Result for the caller to show. */
export function useCatalogActions() {
  const api = useApi();
  return useMemo(
    () => ({
      create: (input: ProductInput) => api.call('catalog.create', input),
      update: (id: string, patch: ProductPatch) => api.call('catalog.update', { id, patch }),
      remove: (id: string) => api.call('catalog.delete', { id }),
      importCsv: (text: string) => api.call('catalog.importCsv', { text, currency: CATALOG_CURRENCY }),
    }),
    [api],
  );
}
