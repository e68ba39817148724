import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { refuseStrayFileDrops } from './hooks/use-file-drop';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
refuseStrayFileDrops(window);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
