/** Entry point: styles, who is signed in, then the app. */
import { render } from 'preact';
import { loadSession } from './account/session.ts';
import { App } from './app/App.tsx';
import './app/styles.css';

void loadSession();
render(<App />, document.getElementById('app') as HTMLElement);
