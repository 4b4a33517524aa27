/**
 * Editor side of the four dynamic blocks, written against the wp.* globals so the plugin needs no
 * build step. The sidebar edits the element's attributes; the preview is the server's own
 * rendering (ServerSideRender), upgraded into live widgets by the bundle loaded in the editor.
 */
(function (wp, l10n) {
	'use strict';
	var el = wp.element.createElement;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var SelectControl = wp.components.SelectControl;
	var TextControl = wp.components.TextControl;
	var ServerSideRender = wp.serverSideRender;

	/** One control per attribute the block declares, in a fixed order. */
	function control(name, attributes, setAttributes) {
		var value = attributes[name] || '';
		var set = function (next) {
			var patch = {};
			patch[name] = next;
			setAttributes(patch);
		};
		var select = function (label, options) {
			return el(SelectControl, { key: name, label: label, value: value, options: options, onChange: set });
		};
		var text = function (label, type) {
			return el(TextControl, { key: name, label: label, value: value, type: type || 'text', onChange: set });
		};
		switch (name) {
			case 'region': return select(l10n.region, l10n.regions);
			case 'department': return select(l10n.department, l10n.departments);
			case 'layout': return select(l10n.layout, l10n.layouts);
			case 'lang': return select(l10n.lang, l10n.langs);
			case 'pageSize': return text(l10n.pageSize, 'number');
			case 'limit': return text(l10n.limit, 'number');
			case 'href': return text(l10n.href, 'url');
			default: return text(l10n[name] || name);
		}
	}

	['event-list', 'region-map', 'countdown', 'edition-banner'].forEach(function (widget) {
		var name = 'semaine-industrie/' + widget;
		var type = wp.blocks.getBlockType(name);
		wp.blocks.registerBlockType(name, {
			edit: function (props) {
				var names = Object.keys((type && type.attributes) || props.attributes).filter(function (key) {
					return key !== 'lock' && key !== 'className';
				});
				return el(
					'div',
					useBlockProps(),
					el(
						InspectorControls,
						null,
						el(PanelBody, { title: l10n.panel, initialOpen: true }, names.map(function (key) {
							return control(key, props.attributes, props.setAttributes);
						}))
					),
					el(ServerSideRender, { block: name, attributes: props.attributes })
				);
			},
			save: function () {
				return null;
			},
		});
	});
})(window.wp, window.sdiBlocksL10n);
