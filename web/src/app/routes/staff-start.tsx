import { StaffStartPage } from '../../features/start/components/StaffStartPage';

export default function StaffStartRoute() {
  return <StaffStartPage />;
}
