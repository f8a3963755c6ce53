import { describe, expect, it } from 'vitest';
import { langAttribute, pickText } from '../../lib/bilingual';
import { eventDescriptionHtml, eventPlace, eventText, eventTitle } from './event-text';

describe('an event text in my language', () => {
  it('is my language’s text when there is one', () => {
    expect(pickText('Återträff', 'Reunion', 'sv')).toEqual({ text: 'Återträff', language: 'sv' });
    expect(pickText('Återträff', 'Reunion', 'en')).toEqual({ text: 'Reunion', language: 'en' });
  });

  it('falls back to the other language, and says which it is', () => {
    expect(pickText('Återträff', null, 'en')).toEqual({ text: 'Återträff', language: 'sv' });
    expect(pickText(undefined, 'Reunion', 'sv')).toEqual({ text: 'Reunion', language: 'en' });
    expect(pickText('  ', 'Reunion', 'sv')).toEqual({ text: 'Reunion', language: 'en' });
  });

  it('is null when neither language has text', () => {
    expect(pickText(null, '', 'sv')).toBeNull();
  });

  it('reads an event’s fields by name', () => {
    const event = { titleSv: 'Återträff', titleEn: null, summarySv: null, summaryEn: 'Come along' };
    expect(eventTitle(event, 'en')).toBe('Återträff');
    expect(eventText(event, 'summary', 'sv')).toEqual({ text: 'Come along', language: 'en' });
    expect(eventTitle({ titleSv: null, titleEn: null }, 'sv')).toBe('');
  });

  it('picks the server’s HTML of the description by the same rule', () => {
    expect(eventDescriptionHtml({ descriptionSvHtml: '<p>Hej</p>', descriptionEnHtml: null }, 'en')).toEqual({ text: '<p>Hej</p>', language: 'sv' });
    expect(eventDescriptionHtml({}, 'en')).toBeNull();
  });

  it('marks a fallback text with its own language only', () => {
    expect(langAttribute({ text: 'Reunion', language: 'en' }, 'sv')).toBe('en');
    expect(langAttribute({ text: 'Återträff', language: 'sv' }, 'sv')).toBeUndefined();
    expect(langAttribute(null, 'sv')).toBeUndefined();
  });
});

describe('an event’s place', () => {
  const names = (code: string | null | undefined) => (code === 'SE' ? 'Sweden' : (code ?? ''));

  it('joins the venue, address, city and country, leaving out what is missing', () => {
    expect(eventPlace({ venue: 'Aula Magna', address: 'Frescativägen 6', city: 'Stockholm', country: 'SE' }, names)).toBe(
      'Aula Magna, Frescativägen 6, Stockholm, Sweden',
    );
    expect(eventPlace({ venue: 'Aula Magna', address: 'Frescativägen 6', city: 'Stockholm', country: 'SE' }, names, false)).toBe(
      'Aula Magna, Stockholm, Sweden',
    );
    expect(eventPlace({ city: 'Stockholm', country: 'SE' }, names)).toBe('Stockholm, Sweden');
  });

  it('is empty for an online event', () => {
    expect(eventPlace({ venue: null, address: null, city: null, country: null }, names)).toBe('');
  });
});
