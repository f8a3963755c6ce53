import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInputField } from '../../../components/FormField';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { ADD_PERSON_FIELDS, addPersonSchema, EMPTY_PERSON, toCreateUserRequest, type AddPersonValues } from '../add-person-form';
import { useCreateUser, type CreatedUser } from '../api/users';

const ID_PREFIX = 'add-person';
type Field = keyof AddPersonValues;

/**
 * Adds a person by address (and optionally name), so they can be given roles before they first sign
 * in. The API's rules are checked here first (addPersonSchema); the server's messages come back on
 * the fields.
 */
export function AddPersonForm({ onAdded }: { onAdded: (result: CreatedUser) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => addPersonSchema(t), [t]);
  const { control, handleSubmit, setError, formState, reset } = useForm<AddPersonValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_PERSON,
    shouldFocusError: false,
  });
  const error = create.error;
  const labels: Record<Field, string> = { email: t('people.add.email'), displayName: t('people.add.name') };

  const { failure, refuse, clear } = useFormFailure(error, setError, ADD_PERSON_FIELDS);

  const send = (values: AddPersonValues) => {
    if (create.isPending) return;
    clear();
    create.mutate(toCreateUserRequest(values), {
      onSuccess: (result) => {
        reset(EMPTY_PERSON);
        onAdded(result);
      },
    });
  };

  const errorsOf = (field: Field) => messagesAt(formState.errors, field);
  const summary = ADD_PERSON_FIELDS.map((field) => ({ id: `${ID_PREFIX}-${field}`, label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <section className="panel" aria-labelledby="add-person-heading">
      <h2 id="add-person-heading" className="panel__title">
        {t('people.add.title')}
      </h2>
      <form className="inline-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={create.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('people.add.failed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <div className="inline-form__fields">
          <Controller
            control={control}
            name="email"
            render={({ field }) => (
              <TextInputField
                id={`${ID_PREFIX}-email`}
                name="email"
                label={labels.email}
                errors={errorsOf('email')}
                className="inline-form__wide"
                type="email"
                value={field.value}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                autoComplete="off"
                spellCheck={false}
                required
                maxLength={320}
              />
            )}
          />
          <Controller
            control={control}
            name="displayName"
            render={({ field }) => (
              <TextInputField
                id={`${ID_PREFIX}-displayName`}
                name="displayName"
                label={labels.displayName}
                hint={t('people.add.nameHint')}
                errors={errorsOf('displayName')}
                className="inline-form__wide"
                value={field.value}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                autoComplete="off"
                maxLength={400}
              />
            )}
          />
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
