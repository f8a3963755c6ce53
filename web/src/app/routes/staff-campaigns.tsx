import { CampaignsPage } from '../../features/members/components/CampaignsPage';

export default function StaffCampaignsRoute() {
  return <CampaignsPage />;
}
