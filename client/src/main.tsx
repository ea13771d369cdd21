import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo/client';
import { OfflineBanner } from './pwa/OfflineBanner';
import { startOutbox } from './pwa/outbox';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { AppRoutes } from './router';
import { AppHeader } from './ui/AppHeader';
import './ui/app.css';
import './ui/print.css';

const client = createApolloClient();
// Edits made offline are sent when the connection returns, also after a restart.
startOutbox(() => import('./features/edit/edit-outbox').then((m) => m.sendOutbox(client)));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <AppHeader />
      <OfflineBanner />
      <UpdatePrompt />
      <AppRoutes />
    </ApolloProvider>
  </StrictMode>,
);
