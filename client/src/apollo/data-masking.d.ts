import type { GraphQLCodegenDataMasking } from '@apollo/client/masking';

// Types Apollo's data masking with the fragments codegen generates: a component sees only
// the fields of its own fragment.
declare module '@apollo/client' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation
  export interface TypeOverrides extends GraphQLCodegenDataMasking.TypeOverrides {}
}
