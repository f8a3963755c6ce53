// Staff: the newsletter pages (web-nl-staff), loaded together when the first of them is visited.
import { CampaignEditorPage } from '../../features/newsletters/components/CampaignEditorPage';
import { CampaignPage } from '../../features/newsletters/components/CampaignPage';
import { CampaignsPage } from '../../features/newsletters/components/CampaignsPage';
import { LayoutPage, LayoutsPage } from '../../features/newsletters/components/LayoutPages';
import { MessageFormPage, MessagesPage } from '../../features/newsletters/components/MessagePages';
import { NewsletterFiguresPage } from '../../features/newsletters/components/NewsletterFiguresPage';
import { SegmentPage, SegmentsPage } from '../../features/newsletters/components/SegmentPages';
import { TopicsPage } from '../../features/newsletters/components/TopicsPage';

export const StaffNewslettersRoute = () => <CampaignsPage />;
export const StaffNewCampaignRoute = () => <CampaignEditorPage />;
export const StaffCampaignRoute = () => <CampaignPage />;
export const StaffEditCampaignRoute = () => <CampaignEditorPage />;
export const StaffSegmentsRoute = () => <SegmentsPage />;
export const StaffNewSegmentRoute = () => <SegmentPage />;
export const StaffSegmentRoute = () => <SegmentPage />;
export const StaffMessagesRoute = () => <MessagesPage />;
export const StaffNewMessageRoute = () => <MessageFormPage />;
export const StaffEditMessageRoute = () => <MessageFormPage />;
export const StaffLayoutsRoute = () => <LayoutsPage />;
export const StaffNewLayoutRoute = () => <LayoutPage />;
export const StaffLayoutRoute = () => <LayoutPage />;
export const StaffTopicsRoute = () => <TopicsPage />;
export const StaffNewsletterFiguresRoute = () => <NewsletterFiguresPage />;
