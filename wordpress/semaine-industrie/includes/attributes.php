<?php
/**
 * What each widget accepts from a shortcode or a block, checked value by value: editors type
 * these by hand (or an Author edits a block's markup), so anything not on an allow-list or not
 * matching its pattern is dropped and reported, never passed through to the page.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

/**
 * Element name and accepted attributes (element spelling) of each widget.
 *
 * @return array<string, array{tag: string, attributes: string[]}>
 */
function sdi_widgets() {
	return array(
		'event-list'     => array(
			'tag'        => 'sdi-event-list',
			'attributes' => array( 'region', 'department', 'city', 'type', 'audience', 'from', 'to', 'q', 'layout', 'page-size', 'sort', 'limit', 'href', 'filters', 'group', 'heading-level', 'lang' ),
		),
		'region-map'     => array(
			'tag'        => 'sdi-region-map',
			'attributes' => array( 'region', 'department', 'type', 'audience', 'from', 'to', 'group', 'height', 'tiles', 'lang' ),
		),
		'countdown'      => array(
			'tag'        => 'sdi-countdown',
			'attributes' => array( 'href', 'heading', 'lang' ),
		),
		'edition-banner' => array(
			'tag'        => 'sdi-edition-banner',
			'attributes' => array( 'region', 'department', 'href', 'cta', 'heading-level', 'lang' ),
		),
	);
}

/**
 * Checks one value; returns the clean value or null when it must be dropped.
 *
 * @param string $name  Attribute (element spelling).
 * @param string $value Trimmed raw value.
 * @return string|null
 */
function sdi_check_attribute( $name, $value ) {
	$choices = '/^[\p{L}\p{N}][\p{L}\p{N} ,\'’\/.-]{0,119}$/u';
	$text    = '/^[^<>"`\x00-\x1f]{1,120}$/u';
	switch ( $name ) {
		case 'region':
			return isset( SDI_REGIONS[ $value ] ) ? $value : null;
		case 'department':
			$value = strtoupper( $value );
			return isset( SDI_DEPARTMENTS[ $value ] ) ? $value : null;
		case 'type':
		case 'audience':
		case 'city':
			return preg_match( $choices, $value ) ? $value : null;
		case 'q':
		case 'heading':
		case 'cta':
			return preg_match( $text, $value ) ? $value : null;
		case 'from':
		case 'to':
			return ( preg_match( '/^\d{4}-\d{2}-\d{2}$/', $value ) && checkdate( (int) substr( $value, 5, 2 ), (int) substr( $value, 8, 2 ), (int) substr( $value, 0, 4 ) ) ) ? $value : null;
		case 'layout':
			return in_array( $value, array( 'list', 'compact', 'grid' ), true ) ? $value : null;
		case 'sort':
			return in_array( $value, array( 'date', 'distance', 'title' ), true ) ? $value : null;
		case 'tiles':
			return in_array( $value, array( 'none', 'ign', 'osm' ), true ) ? $value : null;
		case 'lang':
			return in_array( $value, array( 'fr', 'en' ), true ) ? $value : null;
		case 'page-size':
		case 'limit':
			return ( preg_match( '/^\d{1,3}$/', $value ) && (int) $value >= 1 && (int) $value <= 500 ) ? (string) (int) $value : null;
		case 'heading-level':
			return preg_match( '/^[1-6]$/', $value ) ? $value : null;
		case 'group':
			return preg_match( '/^[A-Za-z0-9_-]{1,40}$/', $value ) ? $value : null;
		case 'height':
			return preg_match( '/^(\d{2,4}(px)?|\d{1,3}(\.\d+)?(rem|em|vh))$/i', $value ) ? strtolower( $value ) : null;
		case 'filters':
			$keys = array( 'region', 'department', 'city', 'type', 'audience', 'date', 'attendance', 'accessibility', 'search', 'near', 'none' );
			$list = array_filter( array_map( 'trim', explode( ',', $value ) ) );
			return ( $list && ! array_diff( $list, $keys ) ) ? implode( ',', $list ) : null;
		case 'href':
			$url = sdi_clean_http_url( $value );
			return '' === $url ? null : $url;
	}
	return null;
}

/**
 * Sorts raw attributes into the ones kept and the problems to show editors.
 *
 * @param string               $widget Widget key (see sdi_widgets()).
 * @param array<string, mixed> $raw    Attributes, any spelling (page_size, pageSize, page-size).
 * @return array{attributes: array<string, string>, problems: array<int, array{name: string, value: string, reason: string}>}
 */
function sdi_validate_attributes( $widget, $raw ) {
	$spec     = sdi_widgets()[ $widget ];
	$kept     = array();
	$problems = array();
	foreach ( (array) $raw as $name => $value ) {
		$name = strtolower( preg_replace( '/([a-z])([A-Z])/', '$1-$2', str_replace( '_', '-', (string) $name ) ) );
		if ( is_int( $value ) || is_float( $value ) ) {
			$value = (string) $value;
		}
		if ( ! is_string( $value ) ) {
			$problems[] = array( 'name' => $name, 'value' => '', 'reason' => 'invalid' );
			continue;
		}
		$value = trim( $value );
		if ( '' === $value ) {
			continue;
		}
		if ( ! in_array( $name, $spec['attributes'], true ) ) {
			$problems[] = array( 'name' => $name, 'value' => $value, 'reason' => 'unknown' );
			continue;
		}
		$clean = sdi_check_attribute( $name, $value );
		if ( null === $clean ) {
			$problems[] = array( 'name' => $name, 'value' => $value, 'reason' => 'invalid' );
			continue;
		}
		$kept[ $name ] = $clean;
	}
	if ( isset( $kept['region'], $kept['department'] ) && SDI_DEPARTMENTS[ $kept['department'] ][1] !== $kept['region'] ) {
		$problems[] = array( 'name' => 'department', 'value' => $kept['department'], 'reason' => 'not-in-region' );
		unset( $kept['department'] );
	}
	return array( 'attributes' => $kept, 'problems' => $problems );
}
