import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { toFormErrors, toProblem } from '../../../lib/problem-details';
import { useCreateUser, type CreatedUser } from '../api/users';

const FIELDS = ['email', 'displayName'] as const;
const ID_PREFIX = 'add-person';

/** Adds a person by address (and optionally name), so they can be given roles before they first sign in. */
export function AddPersonForm({ onAdded }: { onAdded: (result: CreatedUser) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const problem = useMemo(() => (create.error ? toProblem(create.error) : null), [create.error]);
  const errors = problem ? toFormErrors(problem, FIELDS) : null;
  const labels = { email: t('people.add.email'), displayName: t('people.add.name') };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const name = displayName.trim();
    create.mutate(
      { email: email.trim(), displayName: name || undefined },
      {
        onSuccess: (result) => {
          setEmail('');
          setDisplayName('');
          onAdded(result);
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="add-person-heading">
      <h2 id="add-person-heading" className="panel__title">
        {t('people.add.title')}
      </h2>
      <form className="inline-form" noValidate onSubmit={submit} aria-busy={create.isPending || undefined}>
        {problem && errors ? (
          <ErrorSummary
            title={t('people.add.failed')}
            problem={problem}
            fields={FIELDS.map((field) => ({
              id: `${ID_PREFIX}-${field}`,
              label: labels[field],
              messages: errors.fields[field] ?? [],
            }))}
            formMessages={errors.form}
          />
        ) : null}
        <div className="inline-form__fields">
          <FormField
            id={`${ID_PREFIX}-email`}
            name="email"
            label={labels.email}
            errors={errors?.fields.email}
            className="inline-form__wide"
          >
            {(control) => (
              <input
                {...control}
                type="email"
                className="input"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                required
                maxLength={320}
              />
            )}
          </FormField>
          <FormField
            id={`${ID_PREFIX}-displayName`}
            name="displayName"
            label={labels.displayName}
            hint={t('people.add.nameHint')}
            errors={errors?.fields.displayName}
            className="inline-form__wide"
          >
            {(control) => (
              <input
                {...control}
                type="text"
                className="input"
                value={displayName}
                onChange={(event) => setDisplayName(event.target.value)}
                autoComplete="off"
                maxLength={400}
              />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('common.saving') : t('people.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
