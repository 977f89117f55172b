// `npm run build`: install what is missing, then build the console and the server.
import { build, ensureDependencies } from './lib.mjs';

ensureDependencies();
build();
