// First, so that every page's own stylesheet comes after the shared ones in the cascade.
import './shared/styles/index.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { markSessionEnded } from './features/auth';
import { createQueryClient } from './queryClient';
import { onUnauthorized } from './shared/api/unauthorized';
import './shared/theme/themeStore';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const queryClient = createQueryClient();
// Any 401 marks the session ended; the route guard then sends the user to sign in, keeping the page.
onUnauthorized(() => markSessionEnded(queryClient));

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
