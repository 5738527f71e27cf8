// The Node platform; scripts/build.mjs resolves this module to `./web.ts` for the browser bundle.
export { platform } from './node';
