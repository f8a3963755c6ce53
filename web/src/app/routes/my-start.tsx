import { MyStartPage } from '../../features/members/components/MyStartPage';

export default function MyStartRoute() {
  return <MyStartPage />;
}
