import type { AssignmentResponse, DirectoryCoordinator, DirectoryDepartment, NetworkDirectoryResponse } from '../../../api/generated';

/** A directory of three departments: DSV with a formal coordinator, ENG with an informal one, HIST and LAW without. */
export function demoDirectory(): NetworkDirectoryResponse {
  const coordinator = (fields: Partial<DirectoryCoordinator> & Pick<DirectoryCoordinator, 'assignmentId' | 'departmentCode'>): DirectoryCoordinator => ({
    departmentId: `dep-${fields.departmentCode}`,
    departmentNameSv: fields.departmentCode,
    departmentNameEn: fields.departmentCode,
    facultyCode: 'SOC',
    userId: 'user-1',
    name: 'Demo Coordinator',
    kind: 'informal',
    since: '2024-01-15',
    ...fields,
  });
  const gap = (code: string, nameSv: string, nameEn: string, facultyCode: string): DirectoryDepartment => ({
    id: `dep-${code}`,
    code,
    nameSv,
    nameEn,
    facultyCode,
  });
  return {
    coordinators: [
      coordinator({
        assignmentId: 'a-eng',
        departmentCode: 'ENG',
        departmentNameSv: 'Engelska institutionen',
        departmentNameEn: 'Department of English',
        facultyCode: 'HUM',
        userId: 'user-2',
        name: 'Eva Engelsk',
        roleTitle: 'Kontaktperson',
      }),
      coordinator({
        assignmentId: 'a-dsv',
        departmentCode: 'DSV',
        departmentNameSv: 'Institutionen för data- och systemvetenskap',
        departmentNameEn: 'Department of Computer and Systems Sciences',
        facultyCode: 'SOC',
        kind: 'formal',
        timeShare: 20,
        since: '2023-08-01',
        contactEmail: 'alumni@dsv.su.se',
        contactPhone: '+46 8 16 20 00',
      }),
    ],
    uncovered: [
      gap('HIST', 'Historiska institutionen', 'Department of History', 'HUM'),
      gap('LAW', 'Juridiska institutionen', 'Department of Law', 'LAW'),
    ],
  };
}

export function assignment(fields: Partial<AssignmentResponse> = {}): AssignmentResponse {
  return {
    id: 'a-dsv',
    userId: '0190f000-0000-7000-8000-000000000002',
    personName: 'Demo Coordinator',
    departmentId: 'dep-DSV',
    departmentCode: 'DSV',
    departmentNameSv: 'Institutionen för data- och systemvetenskap',
    departmentNameEn: 'Department of Computer and Systems Sciences',
    facultyCode: 'SOC',
    kind: 'formal',
    timeShare: 20,
    startedOn: '2023-08-01',
    contactEmail: 'alumni@dsv.su.se',
    createdAt: '2023-08-01T08:00:00Z',
    updatedAt: '2023-08-01T08:00:00Z',
    version: 3,
    ...fields,
  };
}
