import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../shared/errors.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { useDebouncedValue } from '../../lib/useDebouncedValue.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useProducts } from '../catalog/useProducts.js';
import { useQueueActions } from './useQueue.js';

const SEARCH_DEBOUNCE_MS = 200;
const MAX_RESULTS = 8;

/** Finds catalog products by name or SKU and queues them for the show. */
export function AddToQueue({ sessionId, queued }: { sessionId: string; queued: ReadonlySet<string> }): ReactNode {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const { products } = useProducts(query);
  const { add } = useQueueActions();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const results = products?.slice(0, MAX_RESULTS) ?? [];

  const onAdd = (productId: string): void => {
    setAdding(productId);
    setError(null);
    void add(sessionId, productId).then((r) => {
      setAdding(null);
      if (!r.ok) setError(r.error);
    });
  };

  return (
    <section className="panel add-to-queue" aria-labelledby="queue-add-title">
      <h2 id="queue-add-title">{t('queue.addTitle')}</h2>
      <div className="field">
        <label htmlFor="queue-search">{t('queue.search')}</label>
        <input
          id="queue-search"
          type="search"
          data-testid="queue-search"
          value={search}
          maxLength={200}
          placeholder={t('queue.searchPlaceholder')}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      {error ? <ErrorMessage error={error} title={t('queue.addError')} /> : null}
      {products === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : results.length === 0 ? (
        <p className="muted">{query.trim() === '' ? t('queue.catalogEmpty') : t('queue.noMatch', { query: query.trim() })}</p>
      ) : (
        <ul className="search-results">
          {results.map((p) => (
            <li key={p.id} data-testid="queue-search-result" data-sku={p.sku}>
              <span className="search-name">
                <strong>{p.name}</strong>
                <span className="muted mono">{p.sku}</span>
              </span>
              <span className="muted">{formatMoney(p.promoPrice ?? p.price)}</span>
              {queued.has(p.id) ? (
                <span className="badge">{t('queue.inQueue')}</span>
              ) : (
                <Button
                  data-testid="queue-add"
                  aria-label={t('queue.addLabel', { name: p.name })}
                  disabled={adding === p.id}
                  onClick={() => onAdd(p.id)}
                >
                  {t('queue.add')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {products !== null && products.length > MAX_RESULTS ? <p className="muted">{t('queue.moreResults', { count: products.length - MAX_RESULTS })}</p> : null}
    </section>
  );
}
