import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startClassroom } from './ui/boot';
import './ui/app.css';

const controller = startClassroom();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App controller={controller} />
  </StrictMode>,
);
