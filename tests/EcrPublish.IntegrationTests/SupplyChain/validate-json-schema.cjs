// Validates a JSON document against an official schema with ajv (installed by build/env/install-validators.sh).
//   node validate-json-schema.cjs VALIDATORS_DIR cyclonedx-1.6|sarif-2.1.0 DOCUMENT.json
// Prints "valid" and exits 0, or prints ajv's errors and exits 1.
'use strict';
const fs = require('fs');
const path = require('path');
const [validators, kind, documentPath] = process.argv.slice(2);
const modules = path.join(validators, 'npm', 'node_modules');
const Ajv = require(path.join(modules, 'ajv')).default;
const addFormats = require(path.join(modules, 'ajv-formats')).default;
const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));

const schemaFolders = {
  'cyclonedx-1.6': path.join(modules, '@cyclonedx', 'cyclonedx-library', 'res', 'schema'),
  // The SARIF 2.1.0 schema ships with the SARIF multitool's Linux package (installed in its own folder).
  'sarif-2.1.0': path.join(validators, 'sarif', 'node_modules', '@microsoft', 'sarif-multitool-linux'),
};
const schemas = {
  // The CycloneDX 1.6 schema refers to spdx.schema.json (license ids) and jsf-0.82.schema.json (signatures).
  'cyclonedx-1.6': ['bom-1.6.SNAPSHOT.schema.json', 'spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json'],
  'sarif-2.1.0': ['sarif-2.1.0.json'],
};
if (!schemas[kind]) {
  console.error(`unknown schema kind ${kind}`);
  process.exit(2);
}

const schemaFolder = schemaFolders[kind];
const [main, ...referenced] = schemas[kind].map(file => readJson(path.join(schemaFolder, file)));
// The multitool's copy of the SARIF schema declares draft 2020-12; ajv has a separate class for it.
const AjvClass = String(main.$schema).includes('2020-12') ? require(path.join(modules, 'ajv', 'dist', '2020')).default : Ajv;
const ajv = new AjvClass({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
// ajv-formats has no checker for these two formats of the schema; they are accepted as any string.
ajv.addFormat('iri-reference', true);
ajv.addFormat('idn-email', true);
// The library's copies refer to each other by their file names (spdx.SNAPSHOT.schema.json) next to the main $id.
const base = String(main.$id ?? '').slice(0, String(main.$id ?? '').lastIndexOf('/') + 1);
schemas[kind].slice(1).forEach((file, index) => {
  const { $id, ...schema } = referenced[index];
  ajv.addSchema(schema, base + file);
});

const validate = ajv.compile(main);
if (validate(readJson(documentPath))) {
  console.log('valid');
} else {
  console.log(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
