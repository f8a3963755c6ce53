// Network: the toolkit's pages (net-toolkit), loaded together when the first of them is visited.
import { ToolkitEditorPage } from '../../features/network/components/ToolkitEditorPage';
import { ToolkitItemPage } from '../../features/network/components/ToolkitItemPage';
import { ToolkitPage } from '../../features/network/components/ToolkitPage';

export const NetworkToolkitRoute = () => <ToolkitPage />;
export const NetworkNewToolkitItemRoute = () => <ToolkitEditorPage />;
export const NetworkToolkitItemRoute = () => <ToolkitItemPage />;
export const NetworkEditToolkitItemRoute = () => <ToolkitEditorPage />;
