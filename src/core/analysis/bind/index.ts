/**
 * Stage 2, bind: what names mean in a module: import aliases, constants, top-level definitions, class scopes with
 * their inherited methods, parameters, torch's loss API and the catalogue of well-known library losses. Other
 * stages import it only through this file.
 */
export * from './library';
export * from './module';
export * from './scope';
export * from './torchApi';
