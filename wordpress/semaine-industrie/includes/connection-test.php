<?php
/**
 * "Tester la connexion": reads the saved source from the server and says, in the site's
 * language, what it found. Administrators only, with a nonce.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

add_action( 'wp_ajax_sdi_test_connection', 'sdi_ajax_test_connection' );

/** The admin-ajax handler. */
function sdi_ajax_test_connection() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_send_json_error( array( 'message' => __( 'Action réservée aux administrateurs.', 'semaine-industrie' ) ), 403 );
	}
	if ( ! check_ajax_referer( 'sdi_test_connection', false, false ) ) {
		wp_send_json_error( array( 'message' => __( 'Jeton de sécurité invalide : rechargez la page.', 'semaine-industrie' ) ), 403 );
	}
	$result = sdi_test_connection( sdi_settings() );
	if ( $result['ok'] ) {
		wp_send_json_success( array( 'message' => $result['message'] ) );
	}
	wp_send_json_error( array( 'message' => $result['message'] ) );
}

/**
 * Fetches the source's index and describes it.
 *
 * @param array<string, string> $settings Settings.
 * @return array{ok: bool, message: string}
 */
function sdi_test_connection( $settings ) {
	if ( 'live' === $settings['mode'] ) {
		if ( '' === $settings['api'] || '' === $settings['agenda'] || '' === $settings['api_key'] ) {
			return array( 'ok' => false, 'message' => __( "Mode direct incomplet : renseignez l'agenda, la clé et le relais, puis enregistrez.", 'semaine-industrie' ) );
		}
		$url      = trailingslashit( $settings['api'] ) . 'agendas/' . rawurlencode( $settings['agenda'] ) . '/events?size=1&key=' . rawurlencode( $settings['api_key'] );
		$response = wp_remote_get( $url, array( 'timeout' => 10, 'headers' => array( 'key' => $settings['api_key'] ) ) );
		$data     = sdi_decode_response( $response, $url );
		if ( is_string( $data ) ) {
			return array( 'ok' => false, 'message' => $data );
		}
		$total = isset( $data['total'] ) ? (int) $data['total'] : null;
		if ( null === $total ) {
			return array( 'ok' => false, 'message' => sprintf( /* translators: %s: URL */ __( 'Réponse inattendue de %s : pas de total d’événements.', 'semaine-industrie' ), $url ) );
		}
		/* translators: %s: number of events */
		return array( 'ok' => true, 'message' => sprintf( __( 'Connexion réussie : l’agenda compte %s événements.', 'semaine-industrie' ), number_format_i18n( $total ) ) );
	}
	if ( '' === $settings['src'] ) {
		return array( 'ok' => false, 'message' => __( "Aucune adresse d'instantané enregistrée.", 'semaine-industrie' ) );
	}
	$url      = trailingslashit( $settings['src'] ) . 'index.json';
	$response = wp_remote_get( $url, array( 'timeout' => 10 ) );
	$data     = sdi_decode_response( $response, $url );
	if ( is_string( $data ) ) {
		return array( 'ok' => false, 'message' => $data );
	}
	if ( ! isset( $data['total'] ) || ! is_numeric( $data['total'] ) ) {
		return array( 'ok' => false, 'message' => sprintf( /* translators: %s: URL */ __( '%s ne ressemble pas à un instantané de la Semaine de l’industrie (pas de total d’événements).', 'semaine-industrie' ), $url ) );
	}
	$edition = $data['edition'] ?? array();
	$label   = isset( $edition['number'], $edition['year'] )
		/* translators: 1: edition number, 2: year */
		? sprintf( __( '%1$se édition (%2$s)', 'semaine-industrie' ), (int) $edition['number'], (int) $edition['year'] )
		: __( 'édition non précisée', 'semaine-industrie' );
	$message = sprintf(
		/* translators: 1: edition, 2: number of events, 3: date */
		__( 'Connexion réussie : %1$s, %2$s événements, instantané du %3$s.', 'semaine-industrie' ),
		$label,
		number_format_i18n( (int) $data['total'] ),
		isset( $data['generatedAt'] ) ? wp_date( get_option( 'date_format' ) . ' H:i', (int) strtotime( (string) $data['generatedAt'] ) ) : '?'
	);
	return array( 'ok' => true, 'message' => $message );
}

/**
 * The decoded JSON body, or a message saying what went wrong.
 *
 * @param array|WP_Error $response Response.
 * @param string         $url      Address read.
 * @return array<string, mixed>|string
 */
function sdi_decode_response( $response, $url ) {
	if ( is_wp_error( $response ) ) {
		/* translators: 1: URL, 2: error */
		return sprintf( __( 'Impossible de joindre %1$s : %2$s', 'semaine-industrie' ), $url, $response->get_error_message() );
	}
	$code = (int) wp_remote_retrieve_response_code( $response );
	if ( 200 !== $code ) {
		/* translators: 1: URL, 2: HTTP status */
		return sprintf( __( '%1$s répond avec le code HTTP %2$d.', 'semaine-industrie' ), $url, $code );
	}
	$data = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $data ) ) {
		/* translators: %s: URL */
		return sprintf( __( '%s ne renvoie pas du JSON valide.', 'semaine-industrie' ), $url );
	}
	return $data;
}
