import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { Button } from '../../ui/Button.js';
import { ProductThumb } from './ProductThumb.js';

interface ProductTableProps {
  products: readonly Product[];
  query: string;
  onEdit: (product: Product) => void;
  onDelete: (product: Product) => void;
}

export function ProductTable({ products, query, onEdit, onDelete }: ProductTableProps): ReactNode {
  const { t } = useTranslation();
  if (products.length === 0) {
    return <p className="empty">{query === '' ? t('catalog.empty') : t('catalog.noMatch', { query })}</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('catalog.columns.image')}</span>
            </th>
            <th scope="col">{t('catalog.columns.sku')}</th>
            <th scope="col">{t('catalog.columns.name')}</th>
            <th scope="col" className="num">
              {t('catalog.columns.price')}
            </th>
            <th scope="col" className="num">
              {t('catalog.columns.promo')}
            </th>
            <th scope="col" className="num">
              {t('catalog.columns.stock')}
            </th>
            <th scope="col" className="num">
              {t('catalog.columns.points')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('catalog.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <ProductRow key={p.id} product={p} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProductRow({
  product: p,
  onEdit,
  onDelete,
}: {
  product: Product;
  onEdit: (product: Product) => void;
  onDelete: (product: Product) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <tr data-testid="product-row" data-sku={p.sku}>
      <td className="thumb-cell">
        <ProductThumb src={p.imageUrl} />
      </td>
      <td className="mono">{p.sku}</td>
      <td>{p.name}</td>
      <td className={p.promoPrice ? 'num struck' : 'num'}>{formatMoney(p.price)}</td>
      <td className="num">{p.promoPrice ? <strong className="promo">{formatMoney(p.promoPrice)}</strong> : t('common.none')}</td>
      <td className="num">
        {p.stock === 0 ? <span className="badge badge-bad">{t('catalog.soldOut')}</span> : p.stock}
      </td>
      <td className="num">{p.talkingPoints.length}</td>
      <td className="actions">
        <Button data-testid="product-edit" aria-label={t('catalog.editLabel', { name: p.name })} onClick={() => onEdit(p)}>
          {t('catalog.edit')}
        </Button>
        <Button
          variant="ghost"
          data-testid="product-delete"
          aria-label={t('catalog.deleteLabel', { name: p.name })}
          onClick={() => onDelete(p)}
        >
          {t('catalog.delete')}
        </Button>
      </td>
    </tr>
  );
}
