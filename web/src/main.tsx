// The global styles first: what components import comes after them and wins a tie.
import './styles/base.css';
import './styles/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApiClients } from './lib/api-client';
import { createI18n, currentLanguage } from './lib/i18n';

const i18n = createI18n();
const clients = createApiClients({ language: () => currentLanguage(i18n) });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} clients={clients} />
  </StrictMode>,
);
