// The Custom Elements Manifest (dist/custom-elements.json, package.json "customElements"), made by
// @custom-elements-manifest/analyzer from the elements' JSDoc (@attr, @fires, @csspart, @cssprop)
// and their lit properties: `npm run build` runs `cem analyze --config custom-elements-manifest.config.mjs`.
// The README's elements table is generated from it (`npm run docs:elements`), and
// test/node/manifest.test.ts checks both against the sources.
import { posix } from 'node:path';

/**
 * Our elements are registered through `defineElement(tag, Class)` (src/elements/shared/define.ts,
 * which tolerates double registration), not `customElements.define`, so the analyzer would find no
 * tag names. This reads those calls in each element's define.ts as custom-element definitions.
 */
function defineElementCalls() {
  return {
    name: 'sdi:define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const name = klass.text;
      let module = moduleDoc.path;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const named = statement.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && named.elements.some((e) => e.name.text === name)) {
          module = posix.join(posix.dirname(moduleDoc.path), statement.moduleSpecifier.text).replace(/\.js$/, '.ts');
        }
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name, module } },
      ];
    },
  };
}

/** What the two DOM events carry (types exported by the package's main entry). */
const EVENT_TYPES = {
  'sdi-filter-change': 'CustomEvent<FilterChangeDetail>',
  'sdi-event-open': 'CustomEvent<EventOpenDetail>',
};

/**
 * Finishing touches once every module is read:
 * - a property reflecting an attribute documented by `@attr` gets that description when it has
 *   none of its own (the analyzer gives it to the attribute only);
 * - the events get their detail types;
 * - module paths point at the shipped JavaScript (`src/x.ts` → `dist/npm/x.js`, the npm build
 *   mirrors src/ module for module), as the manifest format asks, not at sources the package
 *   does not ship.
 */
function finish() {
  const shipped = (path) => path.replace(/^\/?src\/(.*)\.ts$/, 'dist/npm/$1.js');
  return {
    name: 'sdi:finish',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          for (const member of declaration.members ?? []) {
            if (member.description || member.kind !== 'field') continue;
            const attribute = declaration.attributes?.find((a) => a.fieldName === member.name);
            if (attribute?.description) member.description = attribute.description;
          }
          for (const event of declaration.events ?? []) {
            if (!event.type && EVENT_TYPES[event.name]) event.type = { text: EVENT_TYPES[event.name] };
          }
          for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            if (item.inheritedFrom?.module) item.inheritedFrom.module = shipped(item.inheritedFrom.module);
          }
          if (declaration.superclass?.module) declaration.superclass.module = shipped(declaration.superclass.module);
        }
        for (const item of module.exports ?? []) {
          // `export { SdiCountdown }` of an imported class (define.ts) is read as declared there.
          const local = (module.declarations ?? []).some((d) => d.name === item.declaration?.name);
          if (item.kind === 'js' && item.declaration?.module === module.path && !local) {
            const home = customElementsManifest.modules.find((m) =>
              (m.declarations ?? []).some((d) => d.name === item.declaration.name),
            );
            if (home) item.declaration.module = home.path;
          }
          if (item.declaration?.module) item.declaration.module = shipped(item.declaration.module);
        }
        module.path = shipped(module.path);
      }
    },
  };
}

export default {
  globs: ['src/elements/*/sdi-*.ts', 'src/elements/*/define.ts'],
  // The registration helper's own customElements.define(tag, ctor) is not an element.
  exclude: ['src/elements/shared/**'],
  outdir: 'dist',
  litelement: true,
  // package.json already says "customElements": "dist/custom-elements.json"; the build must not
  // rewrite it.
  packagejson: false,
  plugins: [defineElementCalls(), finish()],
};
