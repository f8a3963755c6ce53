/** Navigation state the event page reads: the form just created or saved the event (the page says so once). */
export interface EventSavedState {
  eventSaved?: 'created' | 'saved';
}
