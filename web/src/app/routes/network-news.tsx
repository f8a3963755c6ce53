// Network: the news pages (net-news), loaded together when the first of them is visited.
import { EditNewsPage, NewNewsPage, NewsPage } from '../../features/network/components/NewsPages';

export const NetworkNewsRoute = () => <NewsPage />;
export const NetworkNewNewsRoute = () => <NewNewsPage />;
export const NetworkEditNewsRoute = () => <EditNewsPage />;
