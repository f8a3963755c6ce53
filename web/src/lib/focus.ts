/** Moves focus to the element with this id after the next paint (once a panel that replaced it has gone). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
