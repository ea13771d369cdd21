import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo/client';
import { AppRoutes } from './router';
import { AppHeader } from './ui/AppHeader';
import './ui/app.css';
import './ui/print.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      <AppHeader />
      <AppRoutes />
    </ApolloProvider>
  </StrictMode>,
);
