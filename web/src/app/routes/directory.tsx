import { DirectoryPage } from '../../features/members/components/DirectoryPage';

export default function DirectoryRoute() {
  return <DirectoryPage />;
}
