<?php
/**
 * [sdi_event_list], [sdi_region_map], [sdi_countdown], [sdi_edition_banner]: for the classic
 * editor and page builders. Attributes are the elements' own (page-size or page_size).
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

add_action( 'init', 'sdi_register_shortcodes' );

/** One shortcode per widget. */
function sdi_register_shortcodes() {
	foreach ( array_keys( sdi_widgets() ) as $widget ) {
		add_shortcode(
			'sdi_' . str_replace( '-', '_', $widget ),
			static function ( $atts ) use ( $widget ) {
				$raw = array();
				foreach ( (array) $atts as $name => $value ) {
					// A bare word ([sdi_event_list grid]) arrives under a number: report it by its text.
					$raw[ is_int( $name ) ? (string) $value : $name ] = is_int( $name ) ? '(?)' : $value;
				}
				return sdi_render_widget( $widget, $raw );
			}
		);
	}
}
