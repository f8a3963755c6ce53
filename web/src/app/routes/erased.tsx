import { ErasedPage } from '../../features/members/components/ErasedPage';

export default function ErasedRoute() {
  return <ErasedPage />;
}
