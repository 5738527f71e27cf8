/**
 * Bind: each name resolved once per module: import aliases, constants, top-level classes and functions, class
 * scopes (methods, `self` attributes) and parameters.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export {
  buildModule,
  type Definition,
  type DefinitionName,
  findDefinition,
  type ImportSource,
  type ModuleCaches,
  type ModuleContext,
  qualify,
} from './module';
export {
  assignedNames,
  baseExprs,
  type ClassScope,
  type Ctx,
  callParams,
  classScope,
  decoratorsOf,
  type Frame,
  functionBody,
  localBases,
  type Param,
  paramsOf,
  type SymInfo,
} from './scope';
