import { MyProfilePage } from '../../features/members/components/MyProfilePage';

export default function MyProfileRoute() {
  return <MyProfilePage />;
}
