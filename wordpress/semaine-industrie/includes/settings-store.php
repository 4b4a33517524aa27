<?php
/**
 * The plugin's one option: where the data comes from and the defaults of every widget.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

/**
 * Defaults: an empty snapshot address means "the snapshot beside the script", which the plugin
 * does not ship, so the settings page asks for one.
 *
 * @return array<string, string>
 */
function sdi_default_settings() {
	return array(
		'mode'       => 'snapshot',
		'src'        => '',
		'agenda'     => '',
		'api_key'    => '',
		'api'        => '',
		'region'     => '',
		'department' => '',
		'lang'       => 'auto',
		'loader'     => 'module',
		'stylesheet' => '1',
		'fallback'   => 'https://openagenda.com/',
	);
}

/**
 * Saved settings merged over the defaults, so a missing key never reaches the output.
 *
 * @return array<string, string>
 */
function sdi_settings() {
	$saved = get_option( SDI_OPTION, array() );
	return array_merge( sdi_default_settings(), is_array( $saved ) ? array_intersect_key( $saved, sdi_default_settings() ) : array() );
}

/**
 * An absolute http(s) URL, or '' when the value is not one (javascript:, data:, relative…).
 *
 * @param mixed $value Raw value.
 * @return string
 */
function sdi_clean_http_url( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value || ! preg_match( '#^https?://[^\s/?\#]+#i', $value ) ) {
		return '';
	}
	return esc_url_raw( $value, array( 'http', 'https' ) );
}

/**
 * The Settings API's sanitize callback: every field is checked against what it may hold; a bad
 * value keeps the previous one and says why on the settings page.
 *
 * @param mixed $input Posted values.
 * @return array<string, string>
 */
function sdi_sanitize_settings( $input ) {
	$previous = sdi_settings();
	$input    = is_array( $input ) ? wp_unslash( $input ) : array();
	$clean    = $previous;

	$clean['mode'] = ( isset( $input['mode'] ) && 'live' === $input['mode'] ) ? 'live' : 'snapshot';

	foreach ( array( 'src', 'api' ) as $key ) {
		$raw = isset( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
		$url = sdi_clean_http_url( $raw );
		if ( '' !== $raw && '' === $url ) {
			add_settings_error( SDI_OPTION, 'sdi-bad-' . $key, sprintf( /* translators: %s: field value */ __( 'Adresse refusée (http ou https uniquement) : %s', 'semaine-industrie' ), $raw ) );
			continue;
		}
		if ( '' !== $url && 'src' === $key && ! str_ends_with( $url, '/' ) ) {
			$url .= '/';
		}
		$clean[ $key ] = $url;
	}

	$agenda = isset( $input['agenda'] ) ? trim( (string) $input['agenda'] ) : '';
	if ( '' === $agenda || preg_match( '/^\d{1,12}$/', $agenda ) ) {
		$clean['agenda'] = $agenda;
	} else {
		add_settings_error( SDI_OPTION, 'sdi-bad-agenda', __( "L'identifiant d'agenda OpenAgenda est un nombre.", 'semaine-industrie' ) );
	}

	$key = isset( $input['api_key'] ) ? trim( (string) $input['api_key'] ) : '';
	if ( '' === $key || preg_match( '/^[A-Za-z0-9_-]{1,128}$/', $key ) ) {
		$clean['api_key'] = $key;
	} else {
		add_settings_error( SDI_OPTION, 'sdi-bad-key', __( 'La clé publique ne contient que des lettres, chiffres, tirets et soulignés.', 'semaine-industrie' ) );
	}

	$region = isset( $input['region'] ) ? trim( (string) $input['region'] ) : '';
	if ( '' === $region || isset( SDI_REGIONS[ $region ] ) ) {
		$clean['region'] = $region;
	} else {
		add_settings_error( SDI_OPTION, 'sdi-bad-region', sprintf( /* translators: %s: code */ __( 'Code de région inconnu : %s', 'semaine-industrie' ), $region ) );
	}

	$department = isset( $input['department'] ) ? strtoupper( trim( (string) $input['department'] ) ) : '';
	if ( '' === $department ) {
		$clean['department'] = '';
	} elseif ( ! isset( SDI_DEPARTMENTS[ $department ] ) ) {
		add_settings_error( SDI_OPTION, 'sdi-bad-department', sprintf( /* translators: %s: code */ __( 'Code de département inconnu : %s', 'semaine-industrie' ), $department ) );
	} elseif ( '' !== $clean['region'] && SDI_DEPARTMENTS[ $department ][1] !== $clean['region'] ) {
		add_settings_error( SDI_OPTION, 'sdi-department-region', __( "Ce département n'est pas dans la région choisie.", 'semaine-industrie' ) );
	} else {
		$clean['department'] = $department;
	}

	$clean['lang']       = ( isset( $input['lang'] ) && in_array( $input['lang'], array( 'auto', 'fr', 'en' ), true ) ) ? $input['lang'] : 'auto';
	$clean['loader']     = ( isset( $input['loader'] ) && 'classic' === $input['loader'] ) ? 'classic' : 'module';
	$clean['stylesheet'] = empty( $input['stylesheet'] ) ? '0' : '1';

	$fallback = sdi_clean_http_url( $input['fallback'] ?? '' );
	if ( '' !== $fallback ) {
		$clean['fallback'] = $fallback;
	}

	if ( 'live' === $clean['mode'] && ( '' === $clean['agenda'] || '' === $clean['api_key'] || '' === $clean['api'] ) ) {
		add_settings_error( SDI_OPTION, 'sdi-live-incomplete', __( "Le mode direct demande l'agenda, la clé publique et l'adresse du relais (proxy).", 'semaine-industrie' ) );
	}
	return $clean;
}
