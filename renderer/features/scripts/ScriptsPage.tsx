import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon.js';

export function ScriptsPage(): ReactNode {
  const { t } = useTranslation();
  return <ComingSoon title={t('comingSoon.scripts.title')} badge={t('comingSoon.badge')} body={t('comingSoon.scripts.body')} />;
}
