import '@github/markdown-toolbar-element';
import { useEffect, useRef, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';

// The toolbar's custom elements (@github/markdown-toolbar-element) in JSX.
type ToolbarProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & { for?: string };
type ButtonProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & { level?: string };
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'markdown-toolbar': ToolbarProps;
      'md-header': ButtonProps;
      'md-bold': ButtonProps;
      'md-italic': ButtonProps;
      'md-link': ButtonProps;
      'md-unordered-list': ButtonProps;
      'md-ordered-list': ButtonProps;
      'md-quote': ButtonProps;
    }
  }
}

export interface MarkdownFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  lang: 'sv' | 'en';
  errors?: readonly string[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  rows?: number;
  /** Personal fields offered for a click-to-insert under the text (`member.first_name`): each inserts `{{ field }}`. */
  fields?: readonly string[];
  /** The form's own ref of the textarea (react-hook-form's `field.ref`), to focus it. */
  textareaRef?: (node: HTMLTextAreaElement | null) => void;
}

/**
 * A Markdown text with a formatting toolbar (heading, bold, italic, link, lists, quote: the toolbar is one tab stop,
 * its buttons are reached with the arrow keys) and, when given, the allowed personal fields, each a button that
 * inserts `{{ field }}` where the cursor is. The toolbar changes the text outside React, so the textarea's own input
 * events are read too.
 */
export function MarkdownField({ id, name, label, hint, lang, errors, value, onChange, onBlur, rows = 12, fields, textareaRef }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement | null>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  // The toolbar sets the value and sends a plain `input` event, which React's change tracking does not see.
  useEffect(() => {
    const textarea = area.current;
    if (!textarea) return;
    const read = () => latest.current(textarea.value);
    textarea.addEventListener('input', read);
    return () => textarea.removeEventListener('input', read);
  }, []);

  const insert = (field: string) => {
    const textarea = area.current;
    if (!textarea) return;
    const text = `{{ ${field} }}`;
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const next = textarea.value.slice(0, start) + text + textarea.value.slice(end);
    onChange(next);
    // After React has written the new value: the cursor after the field, in the text.
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const setRef = (node: HTMLTextAreaElement | null) => {
    area.current = node;
    textareaRef?.(node);
  };

  // The buttons' own connectedCallback does not give them their role (only the base class would): given here.
  const button = (label: string) => ({ role: 'button', 'aria-label': label, title: label, className: 'md-button' });
  return (
    <FormField id={id} name={name} label={label} hint={hint} errors={errors} className="markdown-field">
      {(control) => (
        <>
          <markdown-toolbar for={id} className="md-toolbar" aria-label={t('newsletters.markdown.toolbar', { field: label })} aria-controls={id}>
            <md-header level="2" {...button(t('newsletters.markdown.heading'))}>
              <span aria-hidden="true">H</span>
            </md-header>
            <md-bold {...button(t('newsletters.markdown.bold'))}>
              <strong aria-hidden="true">B</strong>
            </md-bold>
            <md-italic {...button(t('newsletters.markdown.italic'))}>
              <em aria-hidden="true">I</em>
            </md-italic>
            <md-link {...button(t('newsletters.markdown.link'))}>
              <span aria-hidden="true" className="md-icon--link">
                a
              </span>
            </md-link>
            <md-unordered-list {...button(t('newsletters.markdown.bulletList'))}>
              <span aria-hidden="true">•</span>
            </md-unordered-list>
            <md-ordered-list {...button(t('newsletters.markdown.numberedList'))}>
              {/* Drawn by CSS: "1." as text would have to be part of the button's name (axe). */}
              <span aria-hidden="true" className="md-icon md-icon--numbered" />
            </md-ordered-list>
            <md-quote {...button(t('newsletters.markdown.quote'))}>
              <span aria-hidden="true">❝</span>
            </md-quote>
          </markdown-toolbar>
          <textarea
            {...control}
            ref={setRef}
            className="input markdown-field__text"
            lang={lang}
            rows={rows}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
          {fields && fields.length > 0 ? (
            <div className="personal-fields" role="group" aria-label={t('newsletters.markdown.fieldsFor', { field: label })}>
              <span className="personal-fields__label" aria-hidden="true">
                {t('newsletters.markdown.fields')}
              </span>
              {fields.map((field) => (
                <button
                  key={field}
                  type="button"
                  className="button button--small personal-fields__button"
                  aria-label={t('newsletters.markdown.insert', { field })}
                  onClick={() => insert(field)}
                >
                  <code>{`{{ ${field} }}`}</code>
                </button>
              ))}
            </div>
          ) : null}
        </>
      )}
    </FormField>
  );
}
