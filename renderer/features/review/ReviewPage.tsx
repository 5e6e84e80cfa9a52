import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon.js';

export function ReviewPage(): ReactNode {
  const { t } = useTranslation();
  return <ComingSoon title={t('comingSoon.review.title')} badge={t('comingSoon.badge')} body={t('comingSoon.review.body')} />;
}
