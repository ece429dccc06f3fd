/** Entry of the Electron main process (out/main/index.js). */
import { startApp } from './app';

startApp();
