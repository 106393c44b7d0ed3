import { startApp } from './startApp';

startApp(window, {}, { serviceWorker: import.meta.env.PROD });
