import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fieldErrorId, fieldHintId, FormField, TextInputField } from './FormField';

function renderField(props: { errors?: string[]; hint?: string }) {
  return render(
    <FormField id="dept-code" name="code" label="Kod" {...props}>
      {(control) => <input {...control} type="text" />}
    </FormField>,
  );
}

describe('FormField', () => {
  it('labels its control and describes it by its hint', () => {
    renderField({ hint: '2–16 tecken.' });
    const input = screen.getByRole('textbox', { name: 'Kod' });
    expect(input.id).toBe('dept-code');
    expect(input.getAttribute('name')).toBe('code');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(fieldHintId('dept-code'));
    expect(screen.getByText('2–16 tecken.').id).toBe('dept-code-hint');
  });

  it('marks the control invalid and points at the error before the hint', () => {
    renderField({ hint: '2–16 tecken.', errors: ['Too short.', 'Must start with a letter.'] });
    const input = screen.getByRole('textbox', { name: 'Kod' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(`${fieldErrorId('dept-code')} ${fieldHintId('dept-code')}`);
    const error = document.getElementById(fieldErrorId('dept-code'))!;
    expect(error.textContent).toBe('Too short.Must start with a letter.');
    expect(error.querySelectorAll('.field__error-line')).toHaveLength(2);
  });

  it('has no description at all without hint or errors, and ignores an empty error list', () => {
    renderField({ errors: [] });
    const input = screen.getByRole('textbox', { name: 'Kod' });
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(document.getElementById(fieldErrorId('dept-code'))).toBeNull();
  });
});

describe('TextInputField', () => {
  it('is a field around an input: its own attributes, the input class, and each change as a value', () => {
    const onValueChange = vi.fn();
    render(
      <TextInputField
        id="year"
        name="endYear"
        label="År"
        errors={['Four digits.']}
        className="study-grid__number"
        inputClassName="input input--year"
        inputMode="numeric"
        maxLength={4}
        value="20"
        onValueChange={onValueChange}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'År' });
    expect(input.className).toBe('input input--year');
    expect(input.getAttribute('type')).toBe('text');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('maxlength')).toBe('4');
    expect(input.getAttribute('aria-describedby')).toBe(fieldErrorId('year'));
    expect(input.closest('.field')!.className).toBe('field field--invalid study-grid__number');
    fireEvent.change(input, { target: { value: '2021' } });
    expect(onValueChange).toHaveBeenCalledWith('2021');
  });
});

