import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { schemaFromAgenda } from '../../src/model/schema.js';

// Shaped like GET /v2/agendas/{uid}?detailed=1: built-in fields carry schemaType "event" and no
// schemaId; the agenda's or network's own fields carry their schema's id.
function builtIn(field: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { field, fieldType: 'text', schemaId: null, schemaType: 'event', label: { fr: field }, ...extra };
}

function custom(field: string, label: unknown, options: unknown[], fieldType = 'radio'): Record<string, unknown> {
  return { field, label, fieldType, options, schemaId: 39429, schemaType: 'network', origin: 'tags' };
}

const opt = (id: unknown, fr: string, en?: string) => ({ id, value: fr.toLowerCase(), label: en ? { fr, en } : { fr } });

const STANDARD = [
  builtIn('title'),
  builtIn('attendanceMode', {
    fieldType: 'radio',
    label: { fr: 'Mode de participation', en: 'Attendance mode' },
    options: [opt(1, 'Sur place'), opt(2, 'En ligne'), opt(3, 'Mixte')],
  }),
  builtIn('status', { fieldType: 'select', label: { fr: 'État', en: 'Status' }, options: [opt(1, 'Programmé')] }),
  builtIn('age', { fieldType: 'age', label: { fr: 'Âge du public ciblé', en: 'Targeted public age' } }),
  builtIn('accessibility', { fieldType: 'accessibility', label: { fr: 'Accessibilité particulière' } }),
];

function agenda(...fields: unknown[]): unknown {
  return { uid: 123, slug: 'semaine-de-l-industrie-2026', schema: { fields: [...STANDARD, ...fields] } };
}

const TYPES = custom('types-devenement', { fr: "Types d'événement", en: 'Event types' }, [
  opt(3, 'Visite', 'Visit'),
  opt(4, 'Atelier', 'Workshop'),
]);
const PUBLIC = custom(
  'type-de-public',
  { fr: 'Type de public', en: 'Audience' },
  [opt(36, 'Scolaires', 'School groups'), opt(40, 'Tout public', 'Everyone')],
  'checkbox',
);

describe('schemaFromAgenda', () => {
  it('detects the national agenda codes and reads the labels', () => {
    const schema = schemaFromAgenda(agenda(custom('theme', { fr: 'Thèmes' }, [opt(18, 'Énergie')], 'checkbox'), TYPES, PUBLIC));
    assert.deepEqual(schema, {
      typeField: 'types-devenement',
      audienceField: 'type-de-public',
      types: [
        { id: 3, label: { fr: 'Visite', en: 'Visit' } },
        { id: 4, label: { fr: 'Atelier', en: 'Workshop' } },
      ],
      audiences: [
        { id: 36, label: { fr: 'Scolaires', en: 'School groups' } },
        { id: 40, label: { fr: 'Tout public', en: 'Everyone' } },
      ],
    });
  });

  it('detects the Albi-style codes (types-de-manifestation, types-de-publics)', () => {
    const schema = schemaFromAgenda(
      agenda(
        custom('categories', { fr: 'Catégories' }, [opt(1, 'Culture')]),
        custom('types-de-manifestation', { fr: 'Types de manifestation' }, [opt(8, 'Atelier - Stage')]),
        custom('types-de-publics', { fr: 'Types de publics' }, [opt(16, 'Petits')], 'checkbox'),
      ),
    );
    assert.equal(schema.typeField, 'types-de-manifestation');
    assert.equal(schema.audienceField, 'types-de-publics');
    assert.deepEqual(schema.types, [{ id: 8, label: { fr: 'Atelier - Stage' } }]);
  });

  it('detects a "format" field and a public field by code', () => {
    const schema = schemaFromAgenda(
      agenda(custom('format', { fr: 'Format' }, [opt(1, 'Visite')]), custom('publics', { fr: 'Publics' }, [opt(2, 'Jeunes')])),
    );
    assert.equal(schema.typeField, 'format');
    assert.equal(schema.audienceField, 'publics');
  });

  it('detects fields by their label when codes are opaque, in any accent or case', () => {
    const schema = schemaFromAgenda(
      agenda(
        custom('champ-123', { fr: "TYPE D'EVENEMENT" }, [opt(5, 'Visite')], 'select'),
        custom('champ-456', { fr: 'Publics visés' }, [opt(6, 'Scolaires')], 'multiselect'),
      ),
    );
    assert.equal(schema.typeField, 'champ-123');
    assert.equal(schema.audienceField, 'champ-456');
  });

  it('prefers a known code over a label that merely looks right', () => {
    const schema = schemaFromAgenda(
      agenda(
        custom('champ-1', { fr: "Type d'événement" }, [opt(1, 'A')]),
        custom('types-devenement', { fr: 'Catégorie' }, [opt(2, 'B')]),
      ),
    );
    assert.equal(schema.typeField, 'types-devenement');
  });

  it('never takes a built-in field, even one with options and a matching label', () => {
    const schema = schemaFromAgenda(
      agenda(
        builtIn('format', { fieldType: 'radio', options: [opt(1, 'X')] }),
        { field: 'attendanceMode', fieldType: 'radio', label: { fr: 'Format' }, options: [opt(1, 'Sur place')] },
        { field: 'status', fieldType: 'select', label: { fr: "Type d'événement" }, options: [opt(1, 'Programmé')] },
        { field: 'age', fieldType: 'radio', label: { fr: 'Public' }, options: [opt(1, 'X')] },
      ),
    );
    assert.deepEqual(schema, { types: [], audiences: [] });
  });

  it('ignores custom fields that are not choice fields', () => {
    const schema = schemaFromAgenda(
      agenda({
        field: 'types-devenement',
        fieldType: 'text',
        label: { fr: "Type d'événement" },
        schemaId: 1,
        schemaType: 'network',
      }),
    );
    assert.equal(schema.typeField, undefined);
  });

  it('uses configured codes as given, without detection', () => {
    const other = custom('mon-format', { fr: 'Mon format' }, [opt(9, 'Conférence')]);
    const schema = schemaFromAgenda(agenda(TYPES, PUBLIC, other), { typeField: 'mon-format', audienceField: 'type-de-public' });
    assert.equal(schema.typeField, 'mon-format');
    assert.deepEqual(schema.types, [{ id: 9, label: { fr: 'Conférence' } }]);
    assert.equal(schema.audienceField, 'type-de-public');
  });

  it('keeps a configured code the agenda lacks, with no choices', () => {
    const schema = schemaFromAgenda(agenda(TYPES), { typeField: 'absent' });
    assert.equal(schema.typeField, 'absent');
    assert.deepEqual(schema.types, []);
  });

  it('does not reuse the configured type field as the audience field', () => {
    const both = custom('types-de-publics-et-evenements', { fr: 'Public' }, [opt(1, 'X')]);
    const schema = schemaFromAgenda(agenda(both), { typeField: 'types-de-publics-et-evenements' });
    assert.equal(schema.typeField, 'types-de-publics-et-evenements');
    assert.equal(schema.audienceField, undefined);
  });

  it('cleans option labels: fr/en only, plain strings as fr, value as a last resort, bad ids dropped', () => {
    const schema = schemaFromAgenda(
      agenda(
        custom('types-devenement', { fr: 'Types' }, [
          { id: 1, value: 'visite', label: { fr: ' Visite\u202e ', de: 'Besuch' } },
          { id: '2', value: 'atelier', label: 'Atelier' },
          { id: 3, value: 'conference', label: {} },
          { id: 3, value: 'doublon', label: { fr: 'Doublon' } },
          { id: -1, label: { fr: 'Négatif' } },
          { id: 'abc', label: { fr: 'Texte' } },
          null,
          'x',
        ]),
      ),
    );
    assert.deepEqual(schema.types, [
      { id: 1, label: { fr: 'Visite' } },
      { id: 2, label: { fr: 'Atelier' } },
      { id: 3, label: { fr: 'conference' } },
    ]);
  });

  it('accepts the {agenda} wrapper and a bare fields array', () => {
    assert.equal(schemaFromAgenda({ agenda: agenda(TYPES) }).typeField, 'types-devenement');
    assert.equal(schemaFromAgenda([TYPES, PUBLIC]).audienceField, 'type-de-public');
  });

  it('returns an empty schema for garbage, never throws', () => {
    for (const raw of [
      undefined,
      null,
      42,
      'x',
      {},
      { schema: null },
      { schema: { fields: 'x' } },
      [null, 1, 'x', { field: 42 }],
    ]) {
      assert.deepEqual(schemaFromAgenda(raw), { types: [], audiences: [] });
    }
  });
});
