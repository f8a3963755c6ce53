// Network: initiatives (net-init), loaded together when the first of their pages is visited.
import { InitiativeEditorPage } from '../../features/network/components/InitiativeEditorPage';
import { InitiativePage } from '../../features/network/components/InitiativePage';
import { InitiativesPage } from '../../features/network/components/InitiativesPage';

export const NetworkInitiativesRoute = () => <InitiativesPage />;
export const NetworkNewInitiativeRoute = () => <InitiativeEditorPage />;
export const NetworkInitiativeRoute = () => <InitiativePage />;
export const NetworkEditInitiativeRoute = () => <InitiativeEditorPage />;
