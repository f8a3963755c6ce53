import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AffiliationResponse, FacultyResponse, MemberResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage } from '../../../lib/i18n';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useAddMyAffiliation, useRemoveMyAffiliation } from '../api/my-profile';
import { emptyStudy, STUDY_FIELDS, studySchema, toAffiliationInput, type StudyField, type StudyValues } from '../study-form';
import { departmentName, formatCredits, studyName, studyYears } from './study-format';
import { StudyFields, studyFieldId } from './StudyFields';
import { focusSoon } from '../../../lib/focus';
import './network.css';
import './profile.css';
import { TableScroll } from '../../../components/TableScroll';

const ADD_PREFIX = 'add-study';
const ADD_BUTTON_ID = 'add-study-button';

export interface MyStudiesSectionProps {
  member: MemberResponse;
  faculties: readonly FacultyResponse[] | undefined;
  announce: (message: string) => void;
}

/** My studies: the verified ones (from the student records) marked; self-declared ones can be added and removed. */
export function MyStudiesSection({ member, faculties, announce }: MyStudiesSectionProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const remove = useRemoveMyAffiliation();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<Problem | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  const removeStudy = (study: AffiliationResponse) => {
    if (remove.isPending) return;
    setFailure(null);
    announce('');
    const name = studyName(study, faculties, language, t);
    remove.mutate(study.id, {
      onSuccess: () => {
        announce(t('studies.removed', { study: name }));
        document.getElementById(ADD_BUTTON_ID)?.focus();
      },
      onError: (error) => setFailure(toProblem(error)),
    });
  };

  return (
    <section className="panel" aria-labelledby="my-studies-heading">
      <h2 id="my-studies-heading" className="panel__title">
        {t('studies.title')}
      </h2>
      <p className="field__hint">{t('studies.intro')}</p>
      {failure ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          {failure.kind === 'conflict' ? (
            <span className="problem__message">{t('studies.cannotRemoveVerified')}</span>
          ) : (
            <ProblemMessage problem={failure} lead={t('studies.removeFailed')} />
          )}
        </div>
      ) : null}
      {member.affiliations.length === 0 ? (
        <p>{t('studies.none')}</p>
      ) : (
        <TableScroll label={t('studies.caption')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('studies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('studies.columns.department')}</th>
                <th scope="col">{t('studies.columns.degree')}</th>
                <th scope="col">{t('studies.columns.years')}</th>
                <th scope="col">{t('studies.columns.credits')}</th>
                <th scope="col">{t('studies.columns.verified')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('studies.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {member.affiliations.map((study) => (
                <tr key={study.id}>
                  <th scope="row">
                    {departmentName(study.departmentCode, faculties, language)}
                    {study.programme ? <span className="muted block">{study.programme}</span> : null}
                  </th>
                  <td>{t(`members.degree.${study.degreeType}`)}</td>
                  <td className="nowrap">{studyYears(study)}</td>
                  <td className="nowrap">{t('studies.creditsValue', { credits: formatCredits(study.credits, language) })}</td>
                  <td>
                    {study.verified ? (
                      <span className="badge badge--active">{t('studies.verified')}</span>
                    ) : (
                      <span className="badge badge--inactive">{t('studies.selfDeclared')}</span>
                    )}
                  </td>
                  <td className="data-table__actions">
                    {study.verified ? null : (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => removeStudy(study)}
                        aria-disabled={(remove.isPending && remove.variables === study.id) || undefined}
                      >
                        <span aria-hidden="true">{t('studies.remove')}</span>
                        <span className="visually-hidden">
                          {t('studies.removeNamed', { study: studyName(study, faculties, language, t) })}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {adding ? (
        <AddStudyForm
          faculties={faculties}
          onAdded={(message) => {
            setAdding(false);
            announce(message);
            focusSoon(ADD_BUTTON_ID);
          }}
          onCancel={() => {
            setAdding(false);
            focusSoon(ADD_BUTTON_ID);
          }}
        />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            id={ADD_BUTTON_ID}
            className="button"
            onClick={() => {
              announce('');
              setAdding(true);
            }}
          >
            {t('studies.addTitle')}
          </button>
        </div>
      )}
    </section>
  );
}

function AddStudyForm({
  faculties,
  onAdded,
  onCancel,
}: {
  faculties: readonly FacultyResponse[] | undefined;
  onAdded: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const add = useAddMyAffiliation();
  const schema = useMemo(() => studySchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<StudyValues>({
    resolver: zodResolver(schema),
    defaultValues: emptyStudy(),
    shouldFocusError: false,
  });
  // The answer comes in the mutation's own onError, not as an error to follow: it is placed there.
  const { failure, refuse, clear, fail } = useFormFailure(null, setError, STUDY_FIELDS);
  const labels: Record<StudyField, string> = {
    departmentCode: t('members.study.department'),
    programme: t('members.study.programme'),
    degreeType: t('members.study.degreeType'),
    startYear: t('members.study.startYear'),
    endYear: t('members.study.endYear'),
    credits: t('members.study.credits'),
  };

  useEffect(() => {
    document.getElementById(studyFieldId(ADD_PREFIX, 'departmentCode'))?.focus();
  }, []);

  const send = (values: StudyValues) => {
    if (add.isPending) return;
    clear();
    add.mutate(toAffiliationInput(values), {
      onSuccess: (member) => {
        const added = member.affiliations.find(
          (a) => a.departmentCode === values.departmentCode && a.degreeType === values.degreeType && !a.verified,
        );
        onAdded(t('studies.added', { study: added ? studyName(added, faculties, language, t) : values.departmentCode }));
      },
      onError: (error) => fail(error),
    });
  };

  const summary = STUDY_FIELDS.map((field) => ({
    id: studyFieldId(ADD_PREFIX, field),
    label: labels[field],
    messages: messagesAt(formState.errors, field),
  }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <form
      className="stack-form add-study"
      noValidate
      onSubmit={handleSubmit(send, refuse)}
      aria-labelledby="add-study-heading"
      aria-busy={add.isPending || undefined}
    >
      <h3 id="add-study-heading">{t('studies.addTitle')}</h3>
      {showSummary ? (
        <ErrorSummary
          title={t('studies.addFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}
      <StudyFields idPrefix={ADD_PREFIX} control={control} path={(field) => field} faculties={faculties} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={add.isPending || undefined}>
          {add.isPending ? t('common.saving') : t('studies.add')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
