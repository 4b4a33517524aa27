import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkJsonScript, setJsonScriptText } from '../../src/security/trusted-types.js';
import { serializeJsonLd } from '../../src/formats/jsonld.js';

// The gate of the `sdi-widgets` policy's createScript (the browser side, the policy itself, is
// covered by test/browser/csp-trusted-types.test.ts).
describe('the Trusted Types policy: script text', () => {
  it('lets through the JSON-LD the list serialises, whatever the event texts hold', () => {
    const text = serializeJsonLd([{ name: '</script><script>alert(1)</script>', d: '<!-- a & b -->\u2028' }]);
    assert.equal(checkJsonScript(text), text);
  });

  it('refuses a "<", which could close the script element', () => {
    assert.throws(() => checkJsonScript('{"name":"</script><script>alert(1)//"}'), TypeError);
  });

  it('refuses anything that is not JSON, which could run as script', () => {
    for (const code of ['alert(1)', '[1];alert(1)', '{"a":1}//', 'x=1', '']) {
      assert.throws(() => checkJsonScript(code), SyntaxError, code);
    }
  });

  it('without Trusted Types (here: Node), writes the checked text as a string and refuses the rest', () => {
    const script = { textContent: '' } as unknown as HTMLScriptElement;
    setJsonScriptText(script, '[{"@type":"Event"}]');
    assert.equal(script.textContent, '[{"@type":"Event"}]');
    assert.throws(() => setJsonScriptText(script, 'alert(1)'));
    assert.equal(script.textContent, '[{"@type":"Event"}]');
  });
});
