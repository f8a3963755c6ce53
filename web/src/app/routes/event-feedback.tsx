import { FeedbackPage } from '../../features/events/components/FeedbackPage';

export default function EventFeedbackRoute() {
  return <FeedbackPage />;
}
