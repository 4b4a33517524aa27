<?php
/**
 * One widget's markup, shared by the shortcodes and the dynamic blocks: the element with its
 * checked attributes, the plain link visitors get without JavaScript, and, for people who may
 * edit the post, a visible note of what was dropped.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

/**
 * Widget markup.
 *
 * @param string               $widget Widget key.
 * @param array<string, mixed> $raw    Attributes as typed.
 * @return string
 */
function sdi_render_widget( $widget, $raw ) {
	$spec     = sdi_widgets()[ $widget ];
	$result   = sdi_validate_attributes( $widget, $raw );
	$attrs    = $result['attributes'];
	$settings = sdi_settings();

	$geographic = in_array( 'region', $spec['attributes'], true );
	if ( $geographic && ! isset( $attrs['region'] ) && ! isset( $attrs['department'] ) ) {
		if ( '' !== $settings['region'] ) {
			$attrs['region'] = $settings['region'];
		}
		if ( '' !== $settings['department'] ) {
			$attrs['department'] = $settings['department'];
		}
	}
	if ( ! isset( $attrs['lang'] ) && 'auto' !== $settings['lang'] ) {
		$attrs['lang'] = $settings['lang'];
	}

	sdi_require_assets();

	$html = '';
	if ( $result['problems'] && sdi_viewer_may_edit() ) {
		$html .= sdi_editor_notice( $spec['tag'], $result['problems'] );
	}
	$html .= sdi_late_page_config();
	$html .= '<' . $spec['tag'];
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . ( 'href' === $name ? esc_url( $value ) : esc_attr( $value ) ) . '"';
	}
	$html .= '>';
	$link  = $attrs['href'] ?? $settings['fallback'];
	$html .= '<a href="' . esc_url( $link ) . '">' . esc_html( sdi_fallback_text( $widget ) ) . '</a>';
	$html .= '</' . $spec['tag'] . '>';
	return $html;
}

/**
 * Text of the link shown when the script does not run.
 *
 * @param string $widget Widget key.
 * @return string
 */
function sdi_fallback_text( $widget ) {
	if ( 'region-map' === $widget ) {
		return __( "Voir la carte des événements de la Semaine de l'industrie", 'semaine-industrie' );
	}
	if ( 'countdown' === $widget || 'edition-banner' === $widget ) {
		return __( "Découvrir la Semaine de l'industrie", 'semaine-industrie' );
	}
	return __( "Voir les événements de la Semaine de l'industrie", 'semaine-industrie' );
}

/**
 * Whether the person viewing may edit what holds the widget: the post on the public site, any
 * post in the block editor's server-side preview (a REST request).
 *
 * @return bool
 */
function sdi_viewer_may_edit() {
	if ( ! is_user_logged_in() ) {
		return false;
	}
	$post_id = get_the_ID();
	if ( $post_id ) {
		return current_user_can( 'edit_post', $post_id );
	}
	return current_user_can( 'edit_posts' );
}

/**
 * The note editors see above a widget whose attributes were dropped.
 *
 * @param string                                                 $tag      Element name.
 * @param array<int, array{name: string, value: string, reason: string}> $problems Problems.
 * @return string
 */
function sdi_editor_notice( $tag, $problems ) {
	$items = '';
	foreach ( $problems as $problem ) {
		if ( 'unknown' === $problem['reason'] ) {
			/* translators: 1: attribute name, 2: value */
			$format = __( 'attribut inconnu « %1$s » (valeur « %2$s ») ignoré', 'semaine-industrie' );
		} elseif ( 'not-in-region' === $problem['reason'] ) {
			/* translators: 1: attribute name, 2: value */
			$format = __( '« %1$s » : le département %2$s n’est pas dans la région choisie, ignoré', 'semaine-industrie' );
		} else {
			/* translators: 1: attribute name, 2: value */
			$format = __( 'valeur refusée pour « %1$s » : « %2$s », ignorée', 'semaine-industrie' );
		}
		$items .= '<li>' . esc_html( sprintf( $format, $problem['name'], $problem['value'] ) ) . '</li>';
	}
	return '<div class="sdi-editor-notice" role="note" style="border:2px solid #d63638;padding:.5em 1em;margin:.5em 0;background:#fcf0f1;color:#1e1e1e">'
		. '<p><strong>' . esc_html(
			sprintf(
				/* translators: %s: element name */
				__( 'Semaine de l’industrie, %s : des réglages ont été ignorés (note visible seulement des personnes qui peuvent modifier ce contenu).', 'semaine-industrie' ),
				$tag
			)
		) . '</strong></p><ul>' . $items . '</ul></div>';
}
