import { describe, expect, it } from 'vitest';
import { departmentLabel, pickText } from './staff-text';

describe('staff event texts', () => {
  it('picks the text in the UI language and falls back on the other', () => {
    expect(pickText('Återträff', 'Reunion', 'sv')).toBe('Återträff');
    expect(pickText('Återträff', 'Reunion', 'en')).toBe('Reunion');
    expect(pickText('Återträff', undefined, 'en')).toBe('Återträff');
    expect(pickText('  ', 'Reunion', 'sv')).toBe('Reunion');
    expect(pickText(null, undefined, 'sv')).toBe('');
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
    expect(departmentLabel('DSV', faculties, 'en')).toBe('Computer and Systems Sciences');
    expect(departmentLabel('DSV', faculties, 'sv')).toBe('Data- och systemvetenskap');
    expect(departmentLabel('LAW', faculties, 'sv')).toBe('LAW');
    expect(departmentLabel('LAW', undefined, 'sv')).toBe('LAW');
  });
});
