import { useTranslation } from 'react-i18next';

/** A polite "loading" line (announced once, not on every render). */
export function Loading({ label }: { readonly label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
