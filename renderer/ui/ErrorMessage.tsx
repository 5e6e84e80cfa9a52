import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../shared/errors.js';
import { knownErrorCode } from '../lib/errors.js';

/** Shows a command's error next to the control that caused it: what failed, the code's meaning, the detail. */
export function ErrorMessage({
  error,
  title,
  testId,
}: {
  error: ErrorBody;
  title?: string | undefined;
  testId?: string | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const code = knownErrorCode(error.code);
  const label = code ? t(`errors.codes.${code}`) : error.code;
  return (
    <div className="error" role="alert" data-testid={testId}>
      {title ? <strong className="error-title">{title}</strong> : null}{' '}
      <span>{t('errors.format', { label, message: error.message })}</span>
    </div>
  );
}
