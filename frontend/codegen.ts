// graphql-codegen: types for every operation in src/graphql/, from the committed ../schema.graphql.
// `npm run codegen` writes src/gql/; `npm run codegen:check` writes to a temp dir and fails on a diff.
import type { CodegenConfig } from '@graphql-codegen/cli'

const out = process.env.CODEGEN_OUT ?? 'src/gql/'

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/graphql/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        // Only what the app's operations use: a new, unrelated type in the schema changes nothing here.
        onlyOperationTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', PageSize: 'number', Offset: 'number' },
      },
    },
  },
}

export default config
