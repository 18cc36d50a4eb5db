import { useTranslation } from 'react-i18next';

import { asLang, LANGUAGES } from '../lib/i18n';

/** FR / EN as two toggle buttons; the choice is remembered (see lib/i18n). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = asLang(i18n.language);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-button"
          aria-pressed={current === lang}
          data-lang={lang}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          <span aria-hidden="true">{lang.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.${lang}`)}</span>
        </button>
      ))}
    </div>
  );
}
