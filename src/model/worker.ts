/// <reference lib="webworker" />
// workerHost must stay the first import (it loads workerGlobals before Magenta).
import { browserHostDependencies } from './workerHost';
import { startModelHost } from './host';
import type { FromWorker, MessagePortLike, ToWorker } from './protocol';

/** The model worker: the only place tfjs and Magenta run in the app. Everything it does is in host.ts. */
startModelHost(self as unknown as MessagePortLike<FromWorker, ToWorker>, browserHostDependencies(self));
