import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApiClients } from './lib/api-client';
import { createI18n, currentLanguage } from './lib/i18n';
import './styles.css';

const i18n = createI18n();
const clients = createApiClients({ language: () => currentLanguage(i18n) });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} clients={clients} />
  </StrictMode>,
);
