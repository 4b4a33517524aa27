<?php
/**
 * The bundle shipped in the plugin, loaded only where a widget is, as a module (or through the
 * classic loader when the administrator chose it), with the page configuration in the <head>.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

add_action( 'init', 'sdi_register_assets' );
add_filter( 'script_loader_tag', 'sdi_script_tag', 10, 2 );
add_action( 'wp', 'sdi_detect_widgets' );
add_action( 'wp_head', 'sdi_print_page_config', 2 );
add_action( 'admin_head', 'sdi_print_editor_page_config' );
add_action( 'admin_notices', 'sdi_missing_bundle_notice' );

/**
 * Whether assets/ holds the built bundle. The zip always does; the repository folder does not
 * until `node scripts/wordpress-zip.mjs --dev`, and a developer may symlink it as it is.
 *
 * @return bool
 */
function sdi_bundle_present() {
	return is_file( SDI_PLUGIN_DIR . 'assets/sdi-widgets.js' ) && is_file( SDI_PLUGIN_DIR . 'assets/sdi-widgets.classic.js' );
}

/** Tells administrators why the widgets stay plain links when the bundle is missing. */
function sdi_missing_bundle_notice() {
	if ( sdi_bundle_present() || ! current_user_can( 'activate_plugins' ) ) {
		return;
	}
	printf(
		'<div class="notice notice-warning" id="sdi-missing-bundle"><p>%s</p></div>',
		esc_html__( "Semaine de l'industrie : le script des widgets est absent (dossier assets/ vide). Cette copie vient du dépôt : installez le zip construit par « npm run wp:zip », ou lancez « node scripts/wordpress-zip.mjs --dev » dans le dépôt. En attendant, les widgets s'affichent comme de simples liens.", 'semaine-industrie' )
	);
}

/** Registers the bundle, the classic loader and the optional stylesheet. */
function sdi_register_assets() {
	if ( ! sdi_bundle_present() ) {
		return;
	}
	$base = SDI_PLUGIN_URL . 'assets/';
	wp_register_script( 'sdi-widgets', $base . 'sdi-widgets.js', array(), SDI_PLUGIN_VERSION, true );
	wp_register_script( 'sdi-widgets-classic', $base . 'sdi-widgets.classic.js', array(), SDI_PLUGIN_VERSION, true );
	wp_register_style( 'sdi-widgets', $base . 'sdi-widgets.css', array(), SDI_PLUGIN_VERSION );
}

/**
 * WordPress 6.1 has no script modules: the bundle's tag gets type="module" here (any type a
 * theme wrote is removed first, since browsers keep the first of two). The classic loader gets
 * Rocket Loader's opt-out, which must come before src.
 *
 * @param string $tag    Tag printed by WordPress.
 * @param string $handle Script handle.
 * @return string
 */
function sdi_script_tag( $tag, $handle ) {
	if ( 'sdi-widgets' === $handle ) {
		$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
		return str_replace( '<script ', '<script type="module" ', $tag );
	}
	if ( 'sdi-widgets-classic' === $handle ) {
		return str_replace( '<script ', '<script data-cfasync="false" ', $tag );
	}
	return $tag;
}

/**
 * Finds widgets in the posts of the request before the <head> is printed, so a classic theme
 * (which renders content after the head) still gets the stylesheet and the configuration there.
 */
function sdi_detect_widgets() {
	global $wp_query;
	if ( is_admin() || ! $wp_query instanceof WP_Query ) {
		return;
	}
	foreach ( (array) $wp_query->posts as $post ) {
		if ( $post instanceof WP_Post && sdi_content_has_widget( $post->post_content ) ) {
			sdi_require_assets();
			return;
		}
	}
}

/**
 * Whether content holds one of the plugin's blocks or shortcodes.
 *
 * @param string $content Post content.
 * @return bool
 */
function sdi_content_has_widget( $content ) {
	if ( str_contains( $content, '<!-- wp:semaine-industrie/' ) ) {
		return true;
	}
	foreach ( array_keys( sdi_widgets() ) as $widget ) {
		if ( has_shortcode( $content, 'sdi_' . str_replace( '-', '_', $widget ) ) ) {
			return true;
		}
	}
	return false;
}

/** Enqueues what a page with a widget needs (once; later calls do nothing). */
function sdi_require_assets() {
	if ( ! sdi_bundle_present() ) {
		// Enqueuing would print tags for files that do not exist: the no-JS links stay instead.
		return;
	}
	$settings = sdi_settings();
	wp_enqueue_script( 'classic' === $settings['loader'] ? 'sdi-widgets-classic' : 'sdi-widgets' );
	if ( '1' === $settings['stylesheet'] ) {
		wp_enqueue_style( 'sdi-widgets' );
	}
	$GLOBALS['sdi_assets_required'] = true;
}

/**
 * The <meta name="sdi:…"> tags of the settings.
 *
 * @return string
 */
function sdi_page_config_tags() {
	$settings = sdi_settings();
	$tags     = array();
	if ( 'live' === $settings['mode'] ) {
		$tags = array(
			'agenda'  => $settings['agenda'],
			'api-key' => $settings['api_key'],
			'api'     => $settings['api'],
		);
	} elseif ( '' !== $settings['src'] ) {
		$tags = array( 'src' => $settings['src'] );
	}
	$html = '';
	foreach ( $tags as $name => $value ) {
		if ( '' === $value ) {
			continue;
		}
		$content = ( 'api' === $name || 'src' === $name ) ? esc_url( $value ) : esc_attr( $value );
		$html   .= '<meta name="sdi:' . esc_attr( $name ) . '" content="' . $content . '" />' . "\n";
	}
	$GLOBALS['sdi_config_printed'] = true;
	return $html;
}

/** Prints the configuration in the <head> of pages found to hold a widget. */
function sdi_print_page_config() {
	if ( ! empty( $GLOBALS['sdi_assets_required'] ) ) {
		echo sdi_page_config_tags(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped when built.
	}
}

/**
 * A widget rendered after the <head> (a widget area, a template part of a classic theme) brings
 * the configuration with it, once: the widgets read the first sdi: meta of the document wherever it is.
 *
 * @return string
 */
function sdi_late_page_config() {
	if ( ! empty( $GLOBALS['sdi_config_printed'] ) || ! did_action( 'wp_head' ) || wp_is_json_request() ) {
		return '';
	}
	return sdi_page_config_tags();
}

/** The block editor previews live widgets, so it needs the same configuration. */
function sdi_print_editor_page_config() {
	$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
	if ( $screen && method_exists( $screen, 'is_block_editor' ) && $screen->is_block_editor() ) {
		echo sdi_page_config_tags(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped when built.
	}
}
