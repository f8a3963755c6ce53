import { WelcomeStepsPage } from '../../features/newsletter-admin/components/WelcomeStepsPage';

export default function AdminWelcomeSeriesRoute() {
  return <WelcomeStepsPage />;
}
