import { useTranslation } from 'react-i18next';

export interface DescriptionPreviewProps {
  id: string;
  /** The language's name, for the heading ("svenska"). */
  languageName: string;
  lang: 'sv' | 'en';
  /** The Markdown as typed now. */
  text: string;
  /** The Markdown as saved, and the server's sanitised HTML of it (when the API gave it). */
  saved?: { text: string; html: string | null | undefined };
}

/**
 * The preview of a description. While the text is the saved one and the server gave its HTML (sanitised by the API,
 * as members get it), that HTML; otherwise the Markdown as text, as typed — the browser never renders HTML it made
 * itself from what was typed.
 */
export function DescriptionPreview({ id, languageName, lang, text, saved }: DescriptionPreviewProps) {
  const { t } = useTranslation();
  const title = t('events.staff.form.previewOf', { language: languageName });
  const html = saved && saved.html && saved.text.trim() === text.trim() ? saved.html : null;
  return (
    <section className="event-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="event-preview__title">
        {title}
      </h3>
      {text.trim() === '' ? (
        <p className="event-preview__note">{t('events.staff.form.previewEmpty')}</p>
      ) : html ? (
        <>
          <p className="event-preview__note">{t('events.staff.form.previewSaved')}</p>
          {/* The API's HTML of the saved Markdown (Markdig, then HtmlSanitizer): only formatting, lists, links and headings. */}
          <div className="event-html" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
        </>
      ) : (
        <>
          <p className="event-preview__note">{t('events.staff.form.previewText')}</p>
          <p className="event-preview__text" lang={lang}>
            {text}
          </p>
        </>
      )}
    </section>
  );
}
