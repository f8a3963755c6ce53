import { describe, expect, it } from 'vitest';
import { departmentName, textIn } from './bilingual';

describe('bilingual texts', () => {
  it('picks the text in the UI language and falls back on the other', () => {
    expect(textIn('Återträff', 'Reunion', 'sv')).toBe('Återträff');
    expect(textIn('Återträff', 'Reunion', 'en')).toBe('Reunion');
    expect(textIn('Återträff', undefined, 'en')).toBe('Återträff');
    expect(textIn('  ', 'Reunion', 'sv')).toBe('Reunion');
    expect(textIn(null, undefined, 'sv')).toBe('');
  });

  it('names a department by its code, or shows the code', () => {
    const faculties = [
      {
        code: 'SOC',
        nameSv: 'Samhällsvetenskapliga fakulteten',
        nameEn: 'Faculty of Social Sciences',
        departments: [{ id: 'd1', code: 'DSV', nameSv: 'Data- och systemvetenskap', nameEn: 'Computer and Systems Sciences', facultyCode: 'SOC', isActive: true, version: 1 }],
      },
    ];
    expect(departmentName('DSV', faculties, 'en')).toBe('Computer and Systems Sciences');
    expect(departmentName('DSV', faculties, 'sv')).toBe('Data- och systemvetenskap');
    expect(departmentName('LAW', faculties, 'sv')).toBe('LAW');
    expect(departmentName('LAW', undefined, 'sv')).toBe('LAW');
  });
});
