/**
 * Stage 4, classify: from an evaluated definition to its convention (targets before claims; the target mix probed
 * against each convention's form). Other stages import it only through this file.
 */
export * from './classify';
export * from './conventionForms';
export * from './definitions';
