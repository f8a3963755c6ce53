/**
 * Adds or removes one item of a multiple choice, keeping the options' order. Its own module: the sign-up form
 * (loaded with the first page) needs it without the profile form's rules, which carry the country list.
 */
export function toggleChoice<T extends string>(options: readonly T[], chosen: readonly T[], item: T, on: boolean): T[] {
  const next = new Set(chosen);
  if (on) next.add(item);
  else next.delete(item);
  return options.filter((option) => next.has(option));
}
