// `npm run build`: install what is missing, then build the console and the server.
import { build, ensureDependencies } from './lib.mjs';

await ensureDependencies();
// `npm run build` always builds; npm start and npm test skip a build that is current.
await build({ force: true });
