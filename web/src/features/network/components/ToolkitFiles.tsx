import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolkitFileResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { fileSizeParts, fileTypeKey, toolkitFileUrl, useAddToolkitFile, useRemoveToolkitFile, useToolkitFiles } from '../api/files';
import './toolkit-files.css';

/**
 * A toolkit item's files: each downloads from a plain link (the API answers it as an attachment, of the type found in
 * its content). The office (`canEdit`) also uploads one file at a time, sees the server's problem when one is refused
 * (a type not allowed, over the size limit), and removes a file after confirming.
 */
export function ToolkitFiles({ itemId, canEdit }: { itemId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const files = useToolkitFiles(itemId);
  const [announcement, setAnnouncement] = useState('');
  return (
    <section className="panel toolkit-files" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('network.files.title')}
      </h2>
      {files.isPending ? (
        <p className="muted">{t('network.files.loading')}</p>
      ) : files.isError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(files.error)} lead={t('network.files.loadError')} />
        </div>
      ) : files.data.length === 0 ? (
        <p className="muted">{t('network.files.none')}</p>
      ) : (
        <ul className="toolkit-files__list" aria-label={t('network.files.listLabel')}>
          {files.data.map((file) => (
            <FileRow key={file.id} itemId={itemId} file={file} canEdit={canEdit} onRemoved={setAnnouncement} />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {canEdit ? <UploadForm itemId={itemId} idPrefix={id} onAdded={setAnnouncement} /> : null}
    </section>
  );
}

function FileRow({
  itemId,
  file,
  canEdit,
  onRemoved,
}: {
  itemId: string;
  file: ToolkitFileResponse;
  canEdit: boolean;
  onRemoved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = useId();
  const remove = useRemoveToolkitFile(itemId);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Opening the confirmation moves focus to its heading; cancelling it returns focus to the button that opened it.
    if (confirming) headingRef.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const { unit, value } = fileSizeParts(file.byteSize);
  const size =
    unit === 'bytes'
      ? t('network.files.units.bytes', { count: value })
      : t(`network.files.units.${unit}`, { value: new Intl.NumberFormat(language).format(value) });
  const date = formatDateTime(file.addedAt, language);

  const confirm = () => {
    if (remove.isPending) return;
    remove.mutate(file, { onSuccess: () => onRemoved(t('network.files.removed', { name: file.fileName })) });
  };
  const cancel = () => {
    setConfirming(false);
    remove.reset();
  };

  return (
    <li className="toolkit-files__file">
      <div className="toolkit-files__main">
        <a className="toolkit-files__name" href={toolkitFileUrl(itemId, file.id)} download={file.fileName}>
          {file.fileName}
        </a>
        <span className="toolkit-files__meta">
          {t('network.files.meta', { type: t(`network.files.types.${fileTypeKey(file.contentType)}` as const), size })}
        </span>
        <span className="toolkit-files__meta">
          {file.addedByName ? t('network.files.added', { date, name: file.addedByName }) : t('network.files.addedAt', { date })}
        </span>
      </div>
      {canEdit && !confirming ? (
        <button
          ref={removeButton}
          type="button"
          className="button button--small"
          aria-label={t('network.files.removeLabel', { name: file.fileName })}
          onClick={() => setConfirming(true)}
        >
          {t('network.files.remove')}
        </button>
      ) : null}
      {confirming ? (
        <div className="toolkit-files__confirm">
          <ConfirmPanel
            headingId={`${id}-confirm`}
            headingRef={headingRef}
            headingLevel={3}
            title={t('network.files.confirmTitle', { name: file.fileName })}
            body={t('network.files.confirmBody')}
            confirmLabel={remove.isPending ? t('network.files.removing') : t('network.files.confirmRemove')}
            pending={remove.isPending}
            onConfirm={confirm}
            onCancel={cancel}
          />
          {remove.isError ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(remove.error)} lead={t('network.files.removeFailed')} />
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function UploadForm({ itemId, idPrefix, onAdded }: { itemId: string; idPrefix: string; onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddToolkitFile(itemId);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fieldId = `${idPrefix}-file`;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setMissing(false);
    add.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    add.mutate(file, {
      onSuccess: (added) => {
        onAdded(t('network.files.upload.added', { name: added.fileName }));
        setFile(null);
        if (input.current) input.current.value = '';
      },
    });
  };

  const describedBy = [missing ? `${fieldId}-error` : '', `${fieldId}-hint`].filter(Boolean).join(' ');
  return (
    <form className="stack-form toolkit-files__upload" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-upload`}>
      <h3 id={`${idPrefix}-upload`} className="toolkit-files__upload-title">
        {t('network.files.upload.title')}
      </h3>
      <div className={missing ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={fieldId}>
          {t('network.files.upload.file')}
        </label>
        <p className="field__hint" id={`${fieldId}-hint`}>
          {t('network.files.upload.hint')}
        </p>
        <input
          ref={input}
          id={fieldId}
          name="file"
          type="file"
          className="toolkit-files__input"
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.ppsx"
          aria-describedby={describedBy}
          aria-invalid={missing || undefined}
          onChange={choose}
        />
        {missing ? (
          <p className="field__error" id={`${fieldId}-error`}>
            {t('network.files.upload.choose')}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={add.isPending || undefined}>
          {t('network.files.upload.submit')}
        </button>
        {add.isPending && file ? (
          <span className="toolkit-files__pending" role="status">
            {t('network.files.upload.pending', { name: file.name })}
          </span>
        ) : null}
      </div>
      {add.isError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(add.error)} lead={t('network.files.upload.refused')} />
        </div>
      ) : null}
    </form>
  );
}
