import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES } from '../lib/i18n';
import './LanguageSwitch.css';

/**
 * Chooses the UI language. The choice is remembered (localStorage) and sets `<html lang>`; see
 * createI18n. Each option is named in its own language and marked with it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = currentLanguage(i18n);
  return (
    <div className="language-switch">
      <label htmlFor={id} className="language-switch__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="language-switch__select"
        value={language}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) void i18n.changeLanguage(next);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
